// Validates deploy/kubernetes offline; bin/validate-manifests installs the npm packages and runs it.
//
//   node validate.mjs --modules DIR [--root DIR] [--repo DIR]   validate (exit 1 on any error)
//   node validate.mjs --modules DIR --self-test                  prove that broken copies fail
//   node validate.mjs --modules DIR --write-realm                regenerate keycloak/realm-import.yaml
//
// Each document of the kustomization is validated against a schema chosen by apiVersion and kind
// (KINDS below; any other kind is an error) and for unknown fields (strictFields), then the documents
// are checked against each other and against the portal itself (references below): Secrets,
// ConfigMaps, Services, selectors, database names and hosts, server.xml's variables, the realm import.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const here = path.dirname(new URL(import.meta.url).pathname);
const modules = option("--modules");
if (!modules) {
  console.error("validate.mjs: --modules DIR (where bin/validate-manifests installed the packages)");
  process.exit(2);
}
const repo = path.resolve(option("--repo") ?? path.join(here, "../../.."));
const deployRoot = path.resolve(option("--root") ?? path.join(repo, "deploy/kubernetes"));

const requireFrom = createRequire(path.join(modules, "package.json"));
const YAML = requireFrom("yaml");
const Ajv = requireFrom("ajv").default;
const installed = (name) =>
  JSON.parse(fs.readFileSync(path.join(modules, "node_modules", name, "package.json"), "utf8")).version;

// ------------------------------------------------------------------ schemas
const CORE = `kubernetes-models ${installed("kubernetes-models")} (Kubernetes 1.36.0 OpenAPI)`;
const CNPG = `@kubernetes-models/cloudnative-pg ${installed("@kubernetes-models/cloudnative-pg")} (CloudNativePG 1.29.0 CRDs)`;
const SUBSET = "hand-written subset of the operator's CRD (validate/schemas/)";

const core = (name) => ({ source: CORE, module: `kubernetes-models/_schemas/${name}.js` });
const cnpg = (name) => ({ source: CNPG, module: `@kubernetes-models/cloudnative-pg/_schemas/${name}.js` });
const subset = (file) => ({ source: `${SUBSET}: ${file}`, subset: file });

// every kind these manifests may hold; a kind not listed is refused, so a typo cannot pass unchecked
const KINDS = {
  "v1/Namespace": core("IoK8sApiCoreV1Namespace"),
  "v1/ConfigMap": core("IoK8sApiCoreV1ConfigMap"),
  "v1/Service": core("IoK8sApiCoreV1Service"),
  "networking.k8s.io/v1/Ingress": core("IoK8sApiNetworkingV1Ingress"),
  "policy/v1/PodDisruptionBudget": core("IoK8sApiPolicyV1PodDisruptionBudget"),
  "autoscaling/v2/HorizontalPodAutoscaler": core("IoK8sApiAutoscalingV2HorizontalPodAutoscaler"),
  "postgresql.cnpg.io/v1/Cluster": cnpg("PostgresqlCnpgIoV1Cluster"),
  "postgresql.cnpg.io/v1/Database": cnpg("PostgresqlCnpgIoV1Database"),
  "apps.openliberty.io/v1/OpenLibertyApplication": subset("openlibertyapplication-v1.json"),
  "k8s.keycloak.org/v2alpha1/Keycloak": subset("keycloak-v2alpha1.json"),
  "k8s.keycloak.org/v2alpha1/KeycloakRealmImport": subset("keycloakrealmimport-v2alpha1.json"),
};
const CLUSTER_SCOPED = new Set(["Namespace"]);

const compiled = new Map();
async function compiledValidator(module) {
  if (!compiled.has(module)) {
    const file = path.join(modules, "node_modules", module);
    compiled.set(module, (await import(pathToFileURL(file).href)).validate);
  }
  return compiled.get(module);
}
const typeModule = (type) =>
  type === "ObjectMeta"
    ? "@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta.js"
    : `kubernetes-models/_schemas/${type}.js`;

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addKeyword({ keyword: "x-k8s-type", schemaType: "string" }); // checked by delegateTypes
const subsetSchemas = new Map();
function subsetSchema(file) {
  if (!subsetSchemas.has(file)) {
    const schema = JSON.parse(fs.readFileSync(path.join(here, "schemas", file), "utf8"));
    subsetSchemas.set(file, { schema, validate: ajv.compile(schema) });
  }
  return subsetSchemas.get(file);
}

function message(e) {
  if (e.keyword === "additionalProperties") return `unknown field '${e.params.additionalProperty}'`;
  if (e.keyword === "required") return `missing required field '${e.params.missingProperty}'`;
  if (e.keyword === "type") return `must be ${e.params.type}`;
  if (e.keyword === "enum") return `must be one of: ${e.params.allowedValues.join(", ")}`;
  if (e.keyword === "const") return `must be '${e.params.allowedValue}'`;
  return e.message ?? `fails ${e.keyword} ${JSON.stringify(e.params)}`;
}

// the parts of a custom resource that are Kubernetes types (a Probe, an EnvVar...) get that type's schema
async function delegateTypes(schema, root, data, pointer, out, typed) {
  if (schema.$ref) schema = root.$defs[schema.$ref.split("/").pop()];
  if (data === undefined || data === null) return;
  if (schema["x-k8s-type"]) {
    typed.push({ type: typeDeclaration(schema["x-k8s-type"]), data, pointer });
    const validate = await compiledValidator(typeModule(schema["x-k8s-type"]));
    if (!validate(data)) {
      for (const e of validate.errors) out.push({ path: pointer + e.instancePath, text: message(e) });
    }
    return;
  }
  if (schema.properties && typeof data === "object" && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) {
      const sub = schema.properties[key] ??
        (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
      if (sub) await delegateTypes(sub, root, value, `${pointer}/${key}`, out, typed);
    }
  } else if (typeof schema.additionalProperties === "object" && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) {
      await delegateTypes(schema.additionalProperties, root, value, `${pointer}/${key}`, out, typed);
    }
  } else if (schema.items && Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) await delegateTypes(schema.items, root, data[i], `${pointer}/${i}`, out, typed);
  }
}

// the TypeScript declaration of a type, for the unknown-field check (strictFields)
function typeDeclaration(type) {
  if (type === "ObjectMeta") return { module: "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta", name: "IObjectMeta" };
  const m = /^IoK8sApi(Core|Apps|Autoscaling|Networking|Policy)(V\d+)(\w+)$/.exec(type);
  const group = { Core: "", Apps: "apps/", Autoscaling: "autoscaling/", Networking: "networking.k8s.io/", Policy: "policy/" }[m[1]];
  return { module: `kubernetes-models/${group}${m[2].toLowerCase()}/${m[3]}`, name: `I${m[3]}` };
}

// typed: where the unknown-field check applies (the whole document, or a custom resource's Kubernetes types)
async function validateAgainstSchema(doc, typed = []) {
  const kind = KINDS[`${doc.apiVersion}/${doc.kind}`];
  if (!kind) return { source: "-", errors: [{ path: "", text: `unknown kind '${doc.kind}' in '${doc.apiVersion}': not one of ${Object.keys(KINDS).join(", ")}` }] };
  const errors = [];
  if (kind.module) {
    const validate = await compiledValidator(kind.module);
    if (!validate(doc)) for (const e of validate.errors) errors.push({ path: e.instancePath, text: message(e) });
    const types = kind.source === CNPG ? "@kubernetes-models/cloudnative-pg" : "kubernetes-models";
    typed.push({ type: { module: `${types}/${doc.apiVersion}/${doc.kind}`, name: `I${doc.kind}` }, data: doc, pointer: "" });
  } else {
    const { schema, validate } = subsetSchema(kind.subset);
    if (!validate(doc)) for (const e of validate.errors) errors.push({ path: e.instancePath, text: message(e) });
    await delegateTypes(schema, schema, doc, "", errors, typed);
  }
  return { source: kind.source, errors };
}

// The OpenAPI schemas and CRDs allow fields they do not name (the API server refuses them with strict
// field validation; offline, nothing would). The same packages ship TypeScript declarations of every
// type, and TypeScript refuses a property an object literal's type lacks: each document is written
// out as such a literal, one property per line, and every excess-property error is mapped back to
// its document and path.
const STRICT = "TypeScript's excess-property check against the same packages' type declarations";
function strictFields(items, problems) {
  let ts;
  try {
    ts = requireFrom("typescript");
  } catch {
    return "typescript not installed: unknown fields inside Kubernetes and CloudNativePG types were not checked";
  }
  const lines = [];
  const where = [];
  const emit = (text, item, pointer) => { lines.push(text); where.push({ item, pointer }); };
  const literal = (value, indent, item, pointer, prefix, suffix) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      emit(`${indent}${prefix}{`, item, pointer);
      const keys = Object.keys(value);
      keys.forEach((k, i) => literal(value[k], `${indent} `, item, `${pointer}/${k}`, `${JSON.stringify(k)}: `, i < keys.length - 1 ? "," : ""));
      emit(`${indent}}${suffix}`, item, pointer);
    } else if (Array.isArray(value)) {
      emit(`${indent}${prefix}[`, item, pointer);
      value.forEach((v, i) => literal(v, `${indent} `, item, `${pointer}/${i}`, "", i < value.length - 1 ? "," : ""));
      emit(`${indent}]${suffix}`, item, pointer);
    } else {
      emit(`${indent}${prefix}${JSON.stringify(value ?? null)}${suffix}`, item, pointer);
    }
  };
  const aliases = new Map();
  items.forEach((item) => {
    const key = `${item.type.module}#${item.type.name}`;
    if (!aliases.has(key)) {
      aliases.set(key, `T${aliases.size}`);
      emit(`import type { ${item.type.name} as ${aliases.get(key)} } from ${JSON.stringify(item.type.module)};`, null, "");
    }
  });
  items.forEach((item, i) => literal(item.data, "", item, item.pointer, `export const v${i}: ${aliases.get(`${item.type.module}#${item.type.name}`)} = `, ";"));

  const file = path.join(modules, "manifests.generated.ts");
  const options = { strict: true, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const host = ts.createCompilerHost(options);
  const source = ts.createSourceFile(file, lines.join("\n"), ts.ScriptTarget.ES2022, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, ...rest) => (path.resolve(name) === file ? source : getSourceFile(name, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
    if (d.file?.fileName !== source.fileName) {
      problems.push({ file: "validate.mjs", text: `the type check itself failed: ${text}` });
      continue;
    }
    const { item, pointer } = where[d.file.getLineAndCharacterOfPosition(d.start).line] ?? {};
    if (!item) {
      problems.push({ file: "validate.mjs", text: `the type check itself failed: ${text}` });
      continue;
    }
    // only unknown fields: wrong types and missing fields are the schemas' to report
    if (d.code !== 2353 && d.code !== 2561) continue;
    const field = /'"?([^'"]+)"?' does not exist/.exec(text)?.[1] ?? text;
    problems.push({ ...item.at, path: pointer.replace(/\/[^/]*$/, ""), text: `unknown field '${field}' [${STRICT}]` });
  }
  return `unknown fields: ${STRICT} (typescript ${installed("typescript")})`;
}

// ------------------------------------------------------------------ the kustomization, rendered
// Only `namespace` and `resources` (files, or folders with a kustomization of their own): what kubectl
// apply -k does with those is simple enough to do here exactly, and anything more is refused.
const KUSTOMIZATION_FIELDS = new Set(["apiVersion", "kind", "namespace", "resources"]);

function render(dir, problems, namespace) {
  const file = path.join(dir, "kustomization.yaml");
  if (!fs.existsSync(file)) {
    problems.push({ file: rel(dir), text: "no kustomization.yaml" });
    return [];
  }
  const k = YAML.parse(fs.readFileSync(file, "utf8"));
  for (const field of Object.keys(k)) {
    if (!KUSTOMIZATION_FIELDS.has(field)) {
      problems.push({ file: rel(file), text: `'${field}' is not supported by this offline renderer (namespace and resources only): render and validate it another way before adding it` });
    }
  }
  const ns = k.namespace ?? namespace;
  const docs = [];
  for (const entry of k.resources ?? []) {
    const target = path.join(dir, entry);
    if (!fs.existsSync(target)) {
      problems.push({ file: rel(file), text: `resource '${entry}' does not exist` });
    } else if (fs.statSync(target).isDirectory()) {
      docs.push(...render(target, problems, ns));
    } else {
      const parsed = YAML.parseAllDocuments(fs.readFileSync(target, "utf8"));
      parsed.forEach((d, i) => {
        if (d.errors.length) {
          for (const e of d.errors) problems.push({ file: rel(target), doc: i + 1, text: `YAML: ${e.message}` });
          return;
        }
        const content = d.toJS();
        if (content === null) return;
        if (ns && typeof content === "object" && !CLUSTER_SCOPED.has(content.kind)) {
          content.metadata = { ...(content.metadata ?? {}), namespace: ns };
        }
        docs.push({ file: rel(target), index: i + 1, content });
      });
    }
  }
  return docs;
}

// every YAML file under the root is either a kustomization or one of its resources: a file that
// `kubectl apply -k` would leave out is an error, not a silent skip
function orphans(docs, problems) {
  const listed = new Set(docs.map((d) => d.file));
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name) && entry.name !== "kustomization.yaml" && !listed.has(rel(full))) {
        problems.push({ file: rel(full), text: "not listed in any kustomization.yaml: kubectl apply -k would leave it out" });
      }
    }
  };
  walk(deployRoot);
}

// where kubectl is installed, its own kustomize must render the same documents
function compareWithKubectl(docs, problems) {
  let out;
  try {
    out = execFileSync("kubectl", ["kustomize", deployRoot], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    if (e.code === "ENOENT") return "kubectl not installed: the rendering was not compared with kustomize's";
    problems.push({ file: "kustomization.yaml", text: `kubectl kustomize failed: ${String(e.stderr ?? e.message).trim()}` });
    return null;
  }
  const key = (c) => `${c.kind}/${c.metadata?.namespace ?? ""}/${c.metadata?.name}`;
  const theirs = new Map(YAML.parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean).map((c) => [key(c), c]));
  const ours = new Map(docs.map((d) => [key(d.content), d]));
  for (const [k, d] of ours) {
    if (!theirs.has(k)) problems.push({ file: d.file, doc: d.index, text: `kubectl kustomize does not render ${k}` });
    else if (JSON.stringify(sorted(theirs.get(k))) !== JSON.stringify(sorted(d.content))) {
      problems.push({ file: d.file, doc: d.index, text: `kubectl kustomize renders ${k} differently from this validator` });
    }
  }
  for (const k of theirs.keys()) if (!ours.has(k)) problems.push({ file: "kustomization.yaml", text: `kubectl kustomize renders ${k}, this validator does not` });
  return "compared with kubectl kustomize: same documents";
}
const sorted = (v) =>
  Array.isArray(v) ? v.map(sorted)
    : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])]))
      : v;

// ------------------------------------------------------------------ the Secrets' contract
// secrets.example.env names each key of each Secret in a comment "# <secret>/<key>" above a variable
function secretContract(problems) {
  const file = path.join(deployRoot, "secrets.example.env");
  const secrets = new Map(); // name -> Map(key -> example value)
  if (!fs.existsSync(file)) {
    problems.push({ file: rel(file), text: "missing: the Secrets the manifests reference must be listed there" });
    return secrets;
  }
  const lines = fs.readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    const m = /^# ([a-z0-9][a-z0-9.-]*)\/([A-Za-z0-9._-]+)(:|$)/.exec(line);
    if (!m) return;
    const variable = /^([A-Z0-9_]+)=(.*)$/.exec(lines[i + 1] ?? "");
    if (!variable) {
      problems.push({ file: rel(file), text: `line ${i + 1}: '${m[1]}/${m[2]}' is not followed by a VARIABLE= line` });
      return;
    }
    if (!secrets.has(m[1])) secrets.set(m[1], new Map());
    secrets.get(m[1]).set(m[2], variable[2]);
    if (/PASSWORD|SECRET/.test(variable[1]) && variable[2] !== "") {
      problems.push({ file: rel(file), text: `line ${i + 2}: ${variable[1]} has a value: no secret value is committed` });
    }
  });
  return secrets;
}

// ------------------------------------------------------------------ the realm import, generated
const REALM_IMPORT = "keycloak/realm-import.yaml";
// the realm file's ${...} placeholders, and the Secret keys the operator fills them from
const REALM_PLACEHOLDERS = { PORTAL_UI_SECRET: { name: "portal-oidc", key: "UI_SECRET" } };

// keycloak/portal-realm.json is the development realm: the production one is the same less the demo
// people and tenants and every client that takes passwords directly, with the portal's public URL
function realmImport(publicUrl) {
  const realm = JSON.parse(fs.readFileSync(path.join(repo, "keycloak/portal-realm.json"), "utf8"));
  const { users, organizations, ...kept } = realm;
  const dropped = [];
  kept.clients = (realm.clients ?? []).filter((c) => {
    if (c.directAccessGrantsEnabled) dropped.push(c.clientId);
    return !c.directAccessGrantsEnabled;
  });
  for (const c of kept.clients) {
    if (c.redirectUris) c.redirectUris = [`${publicUrl}/*`];
    if (c.attributes?.["post.logout.redirect.uris"]) c.attributes["post.logout.redirect.uris"] = `${publicUrl}/*`;
    for (const field of ["rootUrl", "baseUrl", "adminUrl"]) if (c[field]) c[field] = publicUrl;
  }
  kept.sslRequired = "all";
  const text = JSON.stringify(kept);
  if (/localhost|127\.0\.0\.1/.test(text)) throw new Error("keycloak/portal-realm.json: a local address is left after the generator's changes; teach realmImport() where it goes");
  const placeholders = {};
  for (const [, name] of text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)) {
    if (!REALM_PLACEHOLDERS[name]) throw new Error(`keycloak/portal-realm.json: placeholder \${${name}} has no Secret in REALM_PLACEHOLDERS`);
    placeholders[name] = { secret: REALM_PLACEHOLDERS[name] };
  }
  const doc = {
    apiVersion: "k8s.keycloak.org/v2alpha1",
    kind: "KeycloakRealmImport",
    metadata: { name: "portal-realm", labels: { "app.kubernetes.io/part-of": "bpo-portal" } },
    spec: { keycloakCRName: "keycloak", placeholders, realm: kept },
  };
  const header = [
    "# GENERATED by bin/validate-manifests --write-realm from keycloak/portal-realm.json; do not edit.",
    "# The development realm less its demo users and organizations (tenants are opened with",
    "# `bin/portal tenant create` or the New tenant screen) and less every client that takes passwords",
    `# directly (${dropped.join(", ") || "none"}); redirect URIs on PORTAL_PUBLIC_URL; TLS required.`,
    "# ${...} placeholders are filled by the operator from the Secrets under spec.placeholders.",
    "# The operator imports a realm only once: a realm that already exists is left as it is.",
  ];
  return `${header.join("\n")}\n${YAML.stringify(doc, { lineWidth: 0 })}`;
}

// ------------------------------------------------------------------ references between documents
function references(docs, secrets, problems) {
  const all = docs.map((d) => d.content);
  const of = (kind) => docs.filter((d) => d.content.kind === kind);
  const at = (d, pointer, text) => problems.push({ file: d.file, doc: d.index, name: `${d.content.kind}/${d.content.metadata?.name}`, path: pointer, text });
  const configMaps = new Map(of("ConfigMap").map((d) => [d.content.metadata.name, d.content.data ?? {}]));
  const needSecret = (d, pointer, name, keys) => {
    if (!secrets.has(name)) return at(d, pointer, `Secret '${name}' is not listed in secrets.example.env`);
    for (const key of keys) if (!secrets.get(name).has(key)) at(d, pointer, `Secret '${name}' has no key '${key}' in secrets.example.env`);
  };

  const seen = new Set();
  for (const d of docs) {
    const c = d.content;
    if (!c.metadata?.name) at(d, "/metadata/name", "missing");
    const id = `${c.apiVersion}/${c.kind}/${c.metadata?.name}`;
    if (seen.has(id)) at(d, "/metadata/name", "a second resource of this kind and name");
    seen.add(id);
    if (c.kind === "Secret") at(d, "", "Secrets are kept out of the manifests: reference them by name (secrets.example.env)");
  }

  // the pods and Services the operators make, with their labels and ports
  const pods = of("OpenLibertyApplication").map((d) => {
    const c = d.content;
    const labels = {
      ...Object.fromEntries(Object.entries(c.metadata.labels ?? {}).filter(([k]) => k !== "app.kubernetes.io/instance")),
      "app.kubernetes.io/instance": c.metadata.name,
      "app.kubernetes.io/name": c.metadata.name,
      "app.kubernetes.io/managed-by": "open-liberty-operator",
      "app.kubernetes.io/component": "backend",
      "app.kubernetes.io/part-of": c.spec?.applicationName ?? "",
    };
    return { d, labels };
  });
  const services = new Map();
  for (const d of of("Service")) services.set(d.content.metadata.name, (d.content.spec?.ports ?? []).map((p) => [p.port, p.name]));
  for (const { d } of pods) {
    const s = d.content.spec?.service ?? {};
    if (s.port === undefined) at(d, "/spec/service/port", "set it: the Ingresses name this port (the operator's default depends on manageTLS)");
    services.set(d.content.metadata.name, [[s.port, s.portName]]);
  }
  for (const d of of("Keycloak")) {
    const http = d.content.spec?.http ?? {};
    services.set(`${d.content.metadata.name}-service`, [http.httpEnabled ? [http.httpPort ?? 8080, "http"] : [http.httpsPort ?? 8443, "https"]]);
  }
  const matches = (selector) => pods.some(({ labels }) => Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v));

  for (const d of of("Ingress")) {
    (d.content.spec?.rules ?? []).forEach((rule, r) =>
      (rule.http?.paths ?? []).forEach((p, i) => {
        const svc = p.backend?.service;
        const pointer = `/spec/rules/${r}/http/paths/${i}/backend/service`;
        if (!svc) return;
        const ports = services.get(svc.name);
        if (!ports) return at(d, pointer, `no Service '${svc.name}' in the manifests or made by an operator`);
        if (!ports.some(([number, name]) => number === svc.port?.number || (name && name === svc.port?.name))) {
          at(d, pointer, `Service '${svc.name}' has no port ${JSON.stringify(svc.port)}`);
        }
      }));
    (d.content.spec?.tls ?? []).forEach((t, i) => needSecret(d, `/spec/tls/${i}/secretName`, t.secretName, ["tls.crt", "tls.key"]));
  }
  for (const d of of("Service")) {
    if (!matches(d.content.spec?.selector)) at(d, "/spec/selector", "selects no pod of the OpenLibertyApplication(s) here");
  }
  for (const d of of("PodDisruptionBudget")) {
    if (d.content.spec?.selector?.matchExpressions) at(d, "/spec/selector", "matchExpressions are not checked here: use matchLabels");
    if (!matches(d.content.spec?.selector?.matchLabels)) at(d, "/spec/selector/matchLabels", "selects no pod of the OpenLibertyApplication(s) here");
  }

  // the database: roles, their Secrets, hosts and names
  const clusters = of("Cluster");
  const databases = new Map();
  for (const d of clusters) {
    const c = d.content;
    const initdb = c.spec?.bootstrap?.initdb ?? {};
    if (initdb.database) databases.set(initdb.database, c.metadata.name);
    if (initdb.secret?.name) {
      needSecret(d, "/spec/bootstrap/initdb/secret", initdb.secret.name, ["username", "password"]);
      const user = secrets.get(initdb.secret.name)?.get("username");
      if (user !== undefined && user !== initdb.owner) at(d, "/spec/bootstrap/initdb/owner", `is '${initdb.owner}' but Secret '${initdb.secret.name}' names user '${user}'`);
    }
    (c.spec?.managed?.roles ?? []).forEach((role, i) => {
      if (!role.passwordSecret) return;
      needSecret(d, `/spec/managed/roles/${i}/passwordSecret`, role.passwordSecret.name, ["username", "password"]);
      const user = secrets.get(role.passwordSecret.name)?.get("username");
      if (user !== undefined && user !== role.name) at(d, `/spec/managed/roles/${i}`, `role '${role.name}' but Secret '${role.passwordSecret.name}' names user '${user}'`);
    });
    const app = (c.spec?.managed?.roles ?? []).find((r) => r.name === secrets.get("portal-db-app")?.get("username"));
    if (!app) at(d, "/spec/managed/roles", "the portal's application role (portal-db-app's username) is not managed here");
    else if (app.bypassrls !== false) at(d, "/spec/managed/roles", `'${app.name}' must say bypassrls: false: row-level security is the tenant boundary`);
  }
  const clusterRoles = (name) => {
    const c = clusters.find((d) => d.content.metadata.name === name)?.content;
    return new Set([c?.spec?.bootstrap?.initdb?.owner, ...(c?.spec?.managed?.roles ?? []).map((r) => r.name)].filter(Boolean));
  };
  for (const d of of("Database")) {
    const s = d.content.spec ?? {};
    if (!clusters.some((c) => c.content.metadata.name === s.cluster?.name)) at(d, "/spec/cluster/name", `no CloudNativePG Cluster '${s.cluster?.name}' here`);
    else if (!clusterRoles(s.cluster.name).has(s.owner)) at(d, "/spec/owner", `'${s.owner}' is not a role of Cluster '${s.cluster.name}'`);
    databases.set(s.name, s.cluster?.name);
  }
  const checkDb = (d, pointer, host, database) => {
    const cluster = clusters.find((c) => host === `${c.content.metadata.name}-rw`);
    if (!cluster) return at(d, pointer, `host '${host}' is not the -rw service of a CloudNativePG Cluster here (the primary)`);
    if (databases.get(database) !== cluster.content.metadata.name) at(d, pointer, `database '${database}' is not made in Cluster '${cluster.content.metadata.name}'`);
  };

  // the portal: its environment against server.xml's variables and the other resources
  const serverXml = fs.readFileSync(path.join(repo, "portal-ui/src/main/liberty/config/server.xml"), "utf8");
  const variables = [...serverXml.matchAll(/<variable\s+name="([^"]+)"\s+defaultValue="([^"]*)"/g)].map((m) => ({ name: m[1], value: m[2] }));
  for (const { d } of pods) {
    const spec = d.content.spec ?? {};
    const env = new Map();
    (spec.envFrom ?? []).forEach((from, i) => {
      if (from.configMapRef) {
        const data = configMaps.get(from.configMapRef.name);
        if (!data) return at(d, `/spec/envFrom/${i}/configMapRef`, `no ConfigMap '${from.configMapRef.name}' here`);
        for (const [k, v] of Object.entries(data)) env.set((from.prefix ?? "") + k, v);
      }
      if (from.secretRef) {
        needSecret(d, `/spec/envFrom/${i}/secretRef`, from.secretRef.name, []);
        for (const k of secrets.get(from.secretRef.name)?.keys() ?? []) env.set((from.prefix ?? "") + k, "(secret)");
      }
    });
    (spec.env ?? []).forEach((e, i) => {
      const ref = e.valueFrom?.secretKeyRef;
      const cm = e.valueFrom?.configMapKeyRef;
      if (ref) needSecret(d, `/spec/env/${i}/valueFrom/secretKeyRef`, ref.name, [ref.key]);
      if (cm && !(cm.key in (configMaps.get(cm.name) ?? {}))) at(d, `/spec/env/${i}/valueFrom/configMapKeyRef`, `no key '${cm.key}' in ConfigMap '${cm.name}'`);
      if (/PASSWORD|SECRET/.test(e.name) && e.value !== undefined) at(d, `/spec/env/${i}`, `${e.name} has a literal value: take it from a Secret`);
      env.set(e.name, ref ? "(secret)" : cm ? configMaps.get(cm.name)?.[cm.key] : e.value);
    });
    // Liberty takes DB_HOST for the server.xml variable db.host; a variable whose default only
    // fits one machine (empty, or on localhost) must be set here
    for (const v of variables) {
      const name = v.name.toUpperCase().replace(/\./g, "_");
      if ((v.value === "" || v.value.includes("localhost")) && !env.has(name)) {
        at(d, "/spec/env", `server.xml variable ${v.name} (default '${v.value}') is not set: add ${name}`);
      }
    }
    if (env.get("COOKIES_SECURE") !== "true") at(d, "/spec/envFrom", "COOKIES_SECURE must be \"true\": the portal is reached over TLS only");
    checkDb(d, "/spec/envFrom (DB_HOST, DB_NAME)", env.get("DB_HOST"), env.get("DB_NAME"));
    const publicUrl = env.get("PORTAL_PUBLIC_URL") ?? "";
    const screens = of("Ingress").find((i) => (i.content.spec?.rules ?? []).some((r) => (r.http?.paths ?? []).some((p) => p.backend?.service?.name === d.content.metadata.name)));
    if (!screens) at(d, "", "no Ingress routes to its Service");
    else if (publicUrl !== `https://${screens.content.spec.rules[0].host}`) at(d, "/spec/envFrom", `PORTAL_PUBLIC_URL '${publicUrl}' is not https:// + the host of Ingress '${screens.content.metadata.name}'`);
    const keycloak = of("Keycloak")[0];
    const realmName = of("KeycloakRealmImport")[0]?.content.spec?.realm?.realm;
    const issuer = `${keycloak?.content.spec?.hostname?.hostname}/realms/${realmName}`;
    if (keycloak && env.get("KC_REALM_URL") !== issuer) at(d, "/spec/envFrom", `KC_REALM_URL '${env.get("KC_REALM_URL")}' is not the issuer Keycloak will sign tokens with ('${issuer}')`);

    // the autoscaler the operator makes from spec.autoscaling (utils.CustomizeHPA) must be valid autoscaling/v2
    if (spec.autoscaling) {
      const a = spec.autoscaling;
      const metric = (name, utilization) => ({ type: "Resource", resource: { name, target: { type: "Utilization", averageUtilization: utilization } } });
      const hpa = {
        apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler",
        metadata: { name: d.content.metadata.name, namespace: d.content.metadata.namespace },
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: d.content.metadata.name },
          minReplicas: a.minReplicas, maxReplicas: a.maxReplicas, behavior: a.behavior,
          metrics: [
            ...(a.targetCPUUtilizationPercentage !== undefined ? [metric("cpu", a.targetCPUUtilizationPercentage)] : []),
            ...(a.targetMemoryUtilizationPercentage !== undefined ? [metric("memory", a.targetMemoryUtilizationPercentage)] : []),
            ...(a.metrics ?? []),
          ],
        },
      };
      docs.derived.push({ file: d.file, index: d.index, content: JSON.parse(JSON.stringify(hpa)), note: "the HorizontalPodAutoscaler the operator makes from spec.autoscaling" });
      if (a.minReplicas !== undefined && a.maxReplicas < a.minReplicas) at(d, "/spec/autoscaling", "maxReplicas is below minReplicas");
      if (!hpa.spec.metrics.length) at(d, "/spec/autoscaling", "no metric to scale on");
    }
  }

  // Keycloak and its realm
  for (const d of of("Keycloak")) {
    const s = d.content.spec ?? {};
    checkDb(d, "/spec/db", s.db?.host, s.db?.database);
    for (const k of ["usernameSecret", "passwordSecret"]) if (s.db?.[k]) needSecret(d, `/spec/db/${k}`, s.db[k].name, [s.db[k].key]);
    const owner = secrets.get(s.db?.usernameSecret?.name)?.get(s.db?.usernameSecret?.key);
    const dbCluster = databases.get(s.db?.database);
    if (owner !== undefined && dbCluster && !clusterRoles(dbCluster).has(owner)) at(d, "/spec/db/usernameSecret", `user '${owner}' is not a role of Cluster '${dbCluster}'`);
    if (s.bootstrapAdmin?.user?.secret) needSecret(d, "/spec/bootstrapAdmin/user/secret", s.bootstrapAdmin.user.secret, ["username", "password"]);
    const host = s.hostname?.hostname ?? "";
    const routed = of("Ingress").some((i) => (i.content.spec?.rules ?? []).some((r) => `https://${r.host}` === host && (r.http?.paths ?? []).some((p) => p.backend?.service?.name === `${d.content.metadata.name}-service`)));
    if (!routed) at(d, "/spec/hostname/hostname", `no Ingress serves '${host}' from ${d.content.metadata.name}-service`);
  }
  for (const d of of("KeycloakRealmImport")) {
    const s = d.content.spec ?? {};
    if (!of("Keycloak").some((k) => k.content.metadata.name === s.keycloakCRName)) at(d, "/spec/keycloakCRName", `no Keycloak '${s.keycloakCRName}' here`);
    for (const [name, p] of Object.entries(s.placeholders ?? {})) if (p.secret) needSecret(d, `/spec/placeholders/${name}/secret`, p.secret.name, [p.secret.key]);
    (s.realm?.clients ?? []).forEach((c, i) => {
      if (c.secret !== undefined && !/^\$\{[A-Za-z0-9_]+\}$/.test(c.secret)) at(d, `/spec/realm/clients/${i}/secret`, "a literal client secret: use a ${PLACEHOLDER} filled from a Secret");
    });
    if (d.file === REALM_IMPORT) {
      const publicUrl = configMaps.get("portal-config")?.PORTAL_PUBLIC_URL;
      try {
        const expected = YAML.parse(realmImport(publicUrl));
        expected.metadata.namespace = d.content.metadata.namespace;
        if (JSON.stringify(sorted(expected)) !== JSON.stringify(sorted(d.content))) {
          at(d, "", "stale: keycloak/portal-realm.json or PORTAL_PUBLIC_URL changed since it was generated; run bin/validate-manifests --write-realm");
        }
      } catch (e) {
        at(d, "", e.message);
      }
    }
  }
  return all;
}

// ------------------------------------------------------------------ one run
function rel(p) {
  return path.relative(deployRoot, p) || ".";
}

async function validate() {
  const problems = [];
  const docs = render(deployRoot, problems);
  docs.derived = [];
  orphans(docs, problems);
  const secrets = secretContract(problems);
  const sources = new Map();
  const typed = [];
  const at = (d) => ({ file: d.file, doc: d.index, name: `${d.content.kind}/${d.content.metadata?.name}` });
  for (const d of docs) {
    if (!d.content || typeof d.content !== "object" || Array.isArray(d.content)) {
      problems.push({ file: d.file, doc: d.index, text: "not a Kubernetes object" });
      continue;
    }
    const mine = [];
    const { source, errors } = await validateAgainstSchema(d.content, mine);
    for (const item of mine) typed.push({ ...item, at: at(d) });
    sources.set(`${d.content.apiVersion}/${d.content.kind}`, source);
    for (const e of errors) problems.push({ file: d.file, doc: d.index, name: `${d.content.kind}/${d.content.metadata?.name}`, path: e.path, text: source === "-" ? e.text : `${e.text} [${source}]` });
  }
  references(docs, secrets, problems);
  for (const d of docs.derived) {
    const mine = [];
    const { source, errors } = await validateAgainstSchema(d.content, mine);
    for (const item of mine) typed.push({ ...item, at: { ...at(d), name: `${at(d).name} (${d.note})` } });
    sources.set(`${d.content.apiVersion}/${d.content.kind} (${d.note})`, source);
    for (const e of errors) problems.push({ file: d.file, doc: d.index, name: `${d.content.kind}/${d.content.metadata.name} (${d.note})`, path: e.path, text: `${e.text} [${source}]` });
  }
  // the self-test's copies broken for anything but an unknown field skip the slowest check (1-2 s each)
  const strict = args.includes("--no-strict") ? "unknown fields: not checked (--no-strict)" : strictFields(typed, problems);
  const kustomize = compareWithKubectl(docs, problems);
  return { problems, docs, sources, kustomize, strict };
}

const describe = (p) =>
  `${p.file}${p.doc ? ` document ${p.doc}` : ""}${p.name ? ` (${p.name})` : ""}: ${p.path !== undefined ? `${p.path || "/"}: ` : ""}${p.text}`;

// ------------------------------------------------------------------ self-test
// Broken copies of the manifests must fail, each with the error it was broken for, and the intact
// copy must pass: a validator that passes everything would fail here.
const BREAKAGES = [
  { what: "replicas as a string (CloudNativePG)", file: "database/cluster.yaml", edit: (d) => { d.spec.instances = "3"; }, expect: "/spec/instances: must be integer" },
  { what: "replicas as a string (Open Liberty autoscaling)", file: "portal/openlibertyapplication.yaml", edit: (d) => { d.spec.autoscaling.maxReplicas = "6"; }, expect: "/spec/autoscaling/maxReplicas: must be integer" },
  { what: "a probe period as a string (a Kubernetes type inside a custom resource)", file: "portal/openlibertyapplication.yaml", edit: (d) => { d.spec.probes.readiness.periodSeconds = "5s"; }, expect: "/spec/probes/readiness/periodSeconds: must be integer" },
  { what: "an unknown kind", file: "portal/poddisruptionbudget.yaml", edit: (d) => { d.kind = "PodDisruptionBudgett"; }, expect: "unknown kind 'PodDisruptionBudgett'" },
  { what: "an unknown field in a custom resource", file: "keycloak/keycloak.yaml", edit: (d) => { d.spec.instance = 2; }, expect: "unknown field 'instance'" },
  { what: "an unknown field in a core resource", strict: true, file: "portal/poddisruptionbudget.yaml", edit: (d) => { d.spec.minAvailabel = 1; }, expect: "/spec: unknown field 'minAvailabel'" },
  { what: "an unknown field in a Kubernetes type inside a custom resource", strict: true, file: "portal/openlibertyapplication.yaml", edit: (d) => { d.spec.probes.liveness.periodSecond = 10; }, expect: "/spec/probes/liveness: unknown field 'periodSecond'" },
  { what: "an unknown field in a CloudNativePG role", strict: true, file: "database/cluster.yaml", edit: (d) => { d.spec.managed.roles[1].bypasrls = false; }, expect: "/spec/managed/roles/1: unknown field 'bypasrls'" },
  { what: "a wrong Ingress path type", file: "portal/ingress.yaml", edit: (d) => { d.spec.rules[0].http.paths[0].pathType = "Prefixed"; }, expect: "pathType: must be one of" },
  { what: "a Secret not in secrets.example.env", file: "portal/openlibertyapplication.yaml", edit: (d) => { d.spec.env[1].valueFrom.secretKeyRef.name = "portal-db"; }, expect: "Secret 'portal-db' is not listed in secrets.example.env" },
  { what: "an Ingress to a Service that does not exist", file: "portal/ingress.yaml", doc: 1, edit: (d) => { d.spec.rules[0].http.paths[0].backend.service.name = "portal-apis"; }, expect: "no Service 'portal-apis'" },
  { what: "the application role allowed to bypass row-level security", file: "database/cluster.yaml", edit: (d) => { d.spec.managed.roles[0].bypassrls = true; }, expect: "must say bypassrls: false" },
  { what: "a server.xml variable left at its local default", file: "portal/configmap.yaml", edit: (d) => { delete d.data.KC_REALM_URL; }, expect: "server.xml variable kc.realm.url" },
  { what: "a hand-edited realm import", file: REALM_IMPORT, edit: (d) => { d.spec.realm.accessTokenLifespan = 3600; }, expect: "stale:" },
];

async function selfTest() {
  const copy = (dir) => fs.cpSync(deployRoot, dir, { recursive: true });
  const run = (dir, strict) =>
    new Promise((resolve) => {
      const flags = strict ? [] : ["--no-strict"];
      execFile(process.execPath, [new URL(import.meta.url).pathname, "--modules", modules, "--root", dir, "--repo", repo, ...flags], { encoding: "utf8" },
        (error, stdout, stderr) => resolve({ status: error ? error.code : 0, out: `${stdout}${stderr}` }));
    });
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "k8s-selftest-"));
  const cases = [{ what: "the intact copy", intact: true }, ...BREAKAGES];
  const results = [];
  try {
    cases.forEach((b, i) => {
      const dir = path.join(base, `copy-${i}`);
      copy(dir);
      if (b.intact) return;
      const file = path.join(dir, b.file);
      const parsed = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
      const target = parsed[b.doc ?? 0].toJS();
      b.edit(target);
      parsed[b.doc ?? 0] = new YAML.Document(target);
      fs.writeFileSync(file, parsed.map((d) => d.toString()).join("---\n"));
    });
    // the copies are validated side by side, as many at a time as there are cores
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        results[i] = await run(path.join(base, `copy-${i}`), cases[i].intact || cases[i].strict);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, os.cpus().length) }, worker));
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
  let failed = 0;
  cases.forEach((b, i) => {
    const r = results[i];
    const ok = b.intact ? r.status === 0 : r.status === 1 && r.out.includes(b.expect);
    if (ok) console.log(`ok   ${b.what}: ${b.intact ? "passes" : "caught"}`);
    else {
      failed++;
      console.log(`FAIL ${b.what}: expected ${b.intact ? "exit 0" : `exit 1 with "${b.expect}"`}, got exit ${r.status}:\n${r.out}`);
    }
  });
  console.log(`validate-manifests: ${cases.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

// ------------------------------------------------------------------ main
if (args.includes("--self-test")) {
  await selfTest();
} else if (args.includes("--write-realm")) {
  const config = YAML.parse(fs.readFileSync(path.join(deployRoot, "portal/configmap.yaml"), "utf8"));
  fs.writeFileSync(path.join(deployRoot, REALM_IMPORT), realmImport(config.data.PORTAL_PUBLIC_URL));
  console.log(`wrote ${REALM_IMPORT}`);
} else {
  const { problems, docs, sources, kustomize, strict } = await validate();
  for (const p of problems) console.log(describe(p));
  if (problems.length) {
    console.log(`validate-manifests: ${problems.length} error(s) in ${rel(deployRoot) === "." ? deployRoot : rel(deployRoot)}`);
    process.exit(1);
  }
  console.log(`validate-manifests: ${docs.length} documents valid, and ${docs.derived.length} made by an operator from them`);
  for (const [kind, source] of sources) console.log(`  ${kind}: ${source}`);
  console.log(`  ${strict}`);
  if (kustomize) console.log(`  ${kustomize}`);
}
