package com.bpo.portal.it.arquillian;

import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Deploys the portal WAR once for the whole Failsafe run instead of once per test class.
 *
 * <p>Every IT class declares the same deployment ({@code Portal.war()}, the WAR Maven packaged).
 * Redeploying it for each of ~40 classes cost about 20 s a class, and the repeated Vaadin redeploys
 * grew Liberty's start time until Arquillian's state check gave up ("never reached the STARTED
 * state"). This observer lets the first class deploy the archive, marks later deployments of an
 * archive with the same name as already deployed, skips the per-class undeploys, and undeploys for
 * real just before Arquillian stops the server.
 *
 * <p>Consequence for tests: the application is not restarted between classes, so a test must not
 * rely on in-memory state (caches) being fresh; the database is the shared state, as it always was.
 * The rate limit's counts, which live there, are cleared before each class.
 */
public class DeployOncePerRun {
  private static final Logger LOG = Logger.getLogger(DeployOncePerRun.class.getName());

  private static String deployedName;
  private static Archive<?> deployedArchive;
  private static DeployableContainer<?> deployedTo;

  public void deploy(@Observes EventContext<DeployDeployment> context) {
    forgetRateLimitCounts();
    Deployment deployment = context.getEvent().getDeployment();
    Archive<?> archive = deployment.getDescription().getArchive();
    if (archive != null && archive.getName().equals(deployedName)) {
      deployment.deployed();
      return;
    }
    context.proceed();
    if (archive != null && deployment.isDeployed()) {
      deployedName = archive.getName();
      deployedArchive = archive;
      deployedTo = context.getEvent().getDeployableContainer();
    }
  }

  public void undeploy(@Observes EventContext<UnDeployDeployment> context) {
    Deployment deployment = context.getEvent().getDeployment();
    Archive<?> archive = deployment.getDescription().getArchive();
    if (archive != null && archive.getName().equals(deployedName)) {
      deployment.undeployed();
      return;
    }
    context.proceed();
  }

  /**
   * Each class starts with the demo users' write budgets unused (table request_quota, counted per
   * user and minute in the database). With a redeploy per class, ~20 s between classes spread the
   * writes over several windows; back to back, one class's writes as customer.acme could use up the
   * next one's minute and turn its writes into 429s.
   */
  private static void forgetRateLimitCounts() {
    try (java.sql.Connection db = com.bpo.portal.it.Portal.asOwner();
        java.sql.Statement s = db.createStatement()) {
      s.executeUpdate("delete from request_quota");
    } catch (java.sql.SQLException e) {
      LOG.warning("Could not reset the rate limit counts before a test class: " + e);
    }
  }

  public void undeployBeforeStop(@Observes BeforeStop event) {
    if (deployedArchive == null || deployedTo != event.getDeployableContainer()) {
      return;
    }
    try {
      deployedTo.undeploy(deployedArchive);
    } catch (Exception e) {
      LOG.warning("Undeploying " + deployedName + " before the server stops failed: " + e);
    } finally {
      deployedName = null;
      deployedArchive = null;
      deployedTo = null;
    }
  }
}
