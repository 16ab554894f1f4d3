// Reads the facts the manifests must agree with from the Java sources, so that drift is caught:
// topic names, partitions and the message size limit from contracts' Topics.java; channels, topics,
// consumer groups, producer request sizes and pool sizes from each service's application.properties.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const TOPICS_JAVA = 'contracts/src/main/java/io/fazhi/contracts/Topics.java';

/** Parses Topics.java: {constants: {NAME: value}, topics: [{name, partitions, constant}], maxMessageBytes}. */
export function parseTopicsJava(source) {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const raw = {};
  for (const m of text.matchAll(/static\s+final\s+(String|int|long)\s+([A-Z0-9_]+)\s*=\s*([^;]+);/g)) {
    raw[m[2]] = { type: m[1], expr: m[3].trim() };
  }
  const constants = {};
  const resolving = new Set();
  const evaluate = (name) => {
    if (name in constants) return constants[name];
    if (!(name in raw)) throw new Error(`Topics.java: unknown constant ${name}`);
    if (resolving.has(name)) throw new Error(`Topics.java: cyclic constant ${name}`);
    resolving.add(name);
    const { type, expr } = raw[name];
    let value;
    if (type === 'String') {
      value = expr.split('+').map((t) => t.trim()).map((t) => {
        const lit = t.match(/^"((?:[^"\\]|\\.)*)"$/);
        if (lit) return lit[1];
        if (/^[A-Z0-9_]+$/.test(t)) return evaluate(t);
        throw new Error(`Topics.java: cannot evaluate ${name} = ${expr}`);
      }).join('');
    } else {
      value = expr.split('*').map((f) => f.trim()).map((f) => {
        if (/^\d+[lL]?$/.test(f)) return Number.parseInt(f, 10);
        if (/^[A-Z0-9_]+$/.test(f)) return evaluate(f);
        throw new Error(`Topics.java: cannot evaluate ${name} = ${expr}`);
      }).reduce((a, b) => a * b, 1);
    }
    resolving.delete(name);
    constants[name] = value;
    return value;
  };
  for (const name of Object.keys(raw)) evaluate(name);

  const all = text.match(/List<TopicSpec>\s+ALL\s*=\s*List\.of\(([\s\S]*?)\);/);
  if (!all) throw new Error('Topics.java: no "List<TopicSpec> ALL = List.of(...)" found');
  const topics = [];
  for (const m of all[1].matchAll(/new\s+TopicSpec\(\s*([A-Z0-9_]+|"[^"]*")\s*,\s*(\d+)\s*\)/g)) {
    const ref = m[1];
    const name = ref.startsWith('"') ? ref.slice(1, -1) : evaluate(ref);
    topics.push({ name, partitions: Number(m[2]), constant: ref.startsWith('"') ? null : ref });
  }
  if (topics.length === 0) throw new Error('Topics.java: ALL lists no TopicSpec');
  if (!('MAX_MESSAGE_BYTES' in constants)) throw new Error('Topics.java: no MAX_MESSAGE_BYTES');
  return { constants, topics, maxMessageBytes: constants.MAX_MESSAGE_BYTES };
}

/** Parses a .properties file into a Map (continuation lines, comments, escapes of separators). */
export function parseProperties(source) {
  const props = new Map();
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, '');
    }
    const m = line.match(/^((?:[^\\:=\s]|\\.)*)\s*[:=]?\s*(.*)$/);
    const key = m[1].replace(/\\(.)/g, '$1');
    props.set(key, m[2]);
  }
  return props;
}

/** The value a key has in the prod profile: "%prod.key" wins over "key". */
function prodValue(props, key) {
  return props.has(`%prod.${key}`) ? props.get(`%prod.${key}`) : props.get(key);
}

/** One service's messaging and datasource facts. */
export function describeService(name, props) {
  const channels = (direction) => {
    const out = new Map();
    for (const key of props.keys()) {
      const m = key.replace(/^%prod\./, '').match(new RegExp(`^mp\\.messaging\\.${direction}\\.([^.]+)\\.connector$`));
      if (m) out.set(m[1], true);
    }
    return [...out.keys()].map((channel) => {
      const get = (attr) => prodValue(props, `mp.messaging.${direction}.${channel}.${attr}`);
      return {
        channel,
        topic: get('topic') ?? channel,
        groupId: get('group.id'),
        autoOffsetReset: get('auto.offset.reset') ?? 'latest',
        maxRequestSize: get('max.request.size') ? Number(get('max.request.size')) : undefined,
        // dead-letter-poison (kafka-support) dead-letters like dead-letter-queue, with the same keys
        deadLetterTopic: ['dead-letter-queue', 'dead-letter-poison'].includes(get('failure-strategy'))
          ? (get('dead-letter-queue.topic') ?? `dead-letter-topic-${channel}`) : undefined,
        deadLetterMaxRequestSize: get('dead-letter-queue.max.request.size')
          ? Number(get('dead-letter-queue.max.request.size')) : undefined,
      };
    });
  };
  const poolMax = prodValue(props, 'quarkus.datasource.jdbc.max-size');
  return {
    name,
    incoming: channels('incoming'),
    outgoing: channels('outgoing'),
    usesDatabase: props.has('quarkus.datasource.db-kind') || props.has('%prod.quarkus.datasource.db-kind'),
    // Agroal's default max-size is 20
    dbPoolMax: poolMax ? Number(poolMax) : 20,
    maxBodySize: prodValue(props, 'quarkus.http.limits.max-body-size'),
    usesKafka: props.has('kafka.bootstrap.servers') || [...props.keys()].some((k) => k.includes('mp.messaging.')),
  };
}

/** The services of the repository: every top-level "*-service" module with an application.properties. */
export function loadServices(repoRoot) {
  const services = {};
  for (const dir of readdirSync(repoRoot, { withFileTypes: true })) {
    if (!dir.isDirectory() || !dir.name.endsWith('-service')) continue;
    const file = join(repoRoot, dir.name, 'src/main/resources/application.properties');
    if (!existsSync(file)) continue;
    services[dir.name] = describeService(dir.name, parseProperties(readFileSync(file, 'utf8')));
  }
  return services;
}

export function loadTopics(repoRoot) {
  return parseTopicsJava(readFileSync(join(repoRoot, TOPICS_JAVA), 'utf8'));
}
