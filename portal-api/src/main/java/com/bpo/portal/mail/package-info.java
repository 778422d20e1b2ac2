/**
 * Notifications by email through an outbox: features write a mail in the transaction of the change
 * it reports ({@link com.bpo.portal.mail.MailOutbox}); {@link com.bpo.portal.mail.MailDispatcher}
 * sends what is waiting over SMTP and retries what failed.
 */
package com.bpo.portal.mail;
