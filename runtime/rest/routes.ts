/**
 * The REST resources (RootResource, ConnectorsResource, ConnectorPluginsResource, LoggingResource):
 * each route binds its inputs, calls the herder and returns the entity with Connect's status code.
 */
import type { PluginInfo } from '../../protocol/connect-rest/entities';
import type { ConfigKeyInfo } from '../config/config-infos';
import { NotFoundException } from '../data/errors';
import { BadRequestException, ConnectRestException, InternalServerError } from '../errors/rest-errors';
import type { Herder } from '../herder/herder';
import { javaHashMap } from '../herder/java-map-order';
import { forceRestartConnectorOnly } from '../herder/restart-plan';
import { CONNECT_VERSION } from '../connectors/file/version';
import { bindCreateRequest, bindOffsets, bindStringMap, CREATE_REQUEST_BEAN, parseBody } from './body';
import { LoggerLevels } from './loggers';
import { connectorMetrics } from '../metrics/connector-metrics';
import type { TaskMetricsLookup } from '../metrics/connector-metrics';
import type { HttpReply } from './rest-server';

export interface RestContext {
  herder: Herder;
  loggers: LoggerLevels;
  topicTrackingEnabled: boolean;
  topicTrackingAllowReset: boolean;
  connectorPluginConfig: (plugin: string) => ConfigKeyInfo[];
  plugins: (connectorsOnly: boolean) => PluginInfo[];
  /** The worker's task metric groups (our metrics endpoint; absent → 404 as on real Connect). */
  taskMetrics?: TaskMetricsLookup;
}

export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: string;
  host: string;
  ctx: RestContext;
}

export interface Route {
  method: string;
  segments: string[];
  consumesBody: boolean;
  /** Served while the worker is still starting (GET / and /health). */
  beforeReady: boolean;
  handler: (r: RouteRequest) => Promise<HttpReply> | HttpReply;
}

/** Jersey's Boolean/boolean query-param conversion: "true" (any case) is true, anything else false. */
function boolParam(q: URLSearchParams, name: string, dflt: boolean): boolean {
  const v = q.get(name);
  if (v === null) return dflt;
  return v.toLowerCase() === 'true';
}

/** Jersey Integer path param: not a valid int → 404. */
function intParam(v: string): number {
  if (!/^[-+]?\d+$/.test(v)) throw new NotFoundException('HTTP 404 Not Found');
  const n = Number(v);
  if (n > 2147483647 || n < -2147483648) throw new NotFoundException('HTTP 404 Not Found');
  return n;
}

/** UriBuilder.path(name): percent-encodes what may not appear in a path segment. */
function encodePathSegment(s: string): string {
  return encodeURIComponent(s)
    .replace(/%40/g, '@')
    .replace(/%3A/gi, ':')
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%3B/gi, ';')
    .replace(/%3D/gi, '=')
    .replace(/%2B/gi, '+')
    .replace(/%26/g, '&');
}

function location(host: string, name: string): Record<string, string> {
  return { Location: `http://${host}/connectors/${encodePathSegment(name)}` };
}

/** checkAndPutConnectorConfigName: NPE text of a null map, mismatch → 400, else insert `name`. */
function checkAndPutName(
  name: string,
  config: Record<string, string | null> | null,
): Record<string, string | null> {
  if (config === null) {
    throw new InternalServerError(
      'Cannot invoke "java.util.Map.get(Object)" because "connectorConfig" is null',
    );
  }
  const included = config['name'];
  if (included !== undefined && included !== null) {
    if (included !== name) {
      throw new BadRequestException(
        `Connector name configuration (${included}) doesn't match connector name in the URL (${name})`,
      );
    }
  } else {
    config['name'] = name;
  }
  return config;
}

function r(method: string, path: string, handler: Route['handler'], opts: Partial<Route> = {}): Route {
  return {
    method,
    segments: path.split('/').filter((s) => s !== ''),
    consumesBody: method === 'POST' || method === 'PUT' || method === 'PATCH',
    beforeReady: false,
    handler,
    ...opts,
  };
}

export function buildRoutes(): Route[] {
  return [
    r(
      'GET',
      '/',
      ({ ctx }) => ({
        status: 200,
        body: {
          version: CONNECT_VERSION,
          commit: 'kafka-connect-lab',
          kafka_cluster_id: ctx.herder.kafkaClusterId,
        },
      }),
      { beforeReady: true },
    ),
    r(
      'GET',
      '/health',
      ({ ctx }) =>
        ctx.herder.isReady
          ? {
              status: 200,
              body: {
                status: 'healthy',
                message: 'Worker has completed startup and is ready to handle requests.',
              },
            }
          : { status: 503, body: { status: 'starting', message: 'Worker is still starting up.' } },
      { beforeReady: true },
    ),

    // ---- connectors ----
    r('GET', '/connectors', ({ ctx, query }) => {
      const expand = query.getAll('expand');
      if (!query.has('expand')) return { status: 200, body: ctx.herder.connectors() };
      const out: Record<string, Record<string, unknown>> = {};
      for (const name of ctx.herder.connectors()) {
        try {
          const entry: Record<string, unknown> = {};
          for (const e of expand) {
            if (e === 'status') entry['status'] = ctx.herder.connectorStatus(name);
            else if (e === 'info') entry['info'] = ctx.herder.connectorInfo(name);
          }
          out[name] = javaHashMap(entry);
        } catch (error) {
          if (!(error instanceof NotFoundException)) throw error;
        }
      }
      return { status: 200, body: javaHashMap(out) };
    }),
    r('POST', '/connectors', async ({ ctx, body, host }) => {
      const request = bindCreateRequest(parseBody(body, CREATE_REQUEST_BEAN));
      if (request === null) {
        throw new InternalServerError(
          'Cannot invoke "org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest.name()" because "createRequest" is null',
        );
      }
      const name = request.name === null ? '' : request.name.trim();
      const config = checkAndPutName(name, request.config);
      const created = await ctx.herder.putConnectorConfig(
        name,
        config as Record<string, string>,
        request.initialState,
        false,
      );
      return { status: 201, body: created.info, headers: location(host, name) };
    }),
    r('GET', '/connectors/:c', ({ ctx, params }) => ({
      status: 200,
      body: ctx.herder.connectorInfo(params['c']),
    })),
    r('DELETE', '/connectors/:c', async ({ ctx, params }) => {
      await ctx.herder.deleteConnector(params['c']);
      return { status: 204 };
    }),
    r('GET', '/connectors/:c/config', ({ ctx, params }) => ({
      status: 200,
      body: ctx.herder.connectorInfo(params['c']).config,
    })),
    r('PUT', '/connectors/:c/config', async ({ ctx, params, body, host }) => {
      const name = params['c'];
      const config = checkAndPutName(name, bindStringMap(parseBody(body)));
      const result = await ctx.herder.putConnectorConfig(name, config as Record<string, string>, null, true);
      return result.created
        ? { status: 201, body: result.info, headers: location(host, name) }
        : { status: 200, body: result.info };
    }),
    r('PATCH', '/connectors/:c/config', async ({ ctx, params, body }) => {
      const patch = bindStringMap(parseBody(body));
      if (patch === null) {
        throw new InternalServerError('Cannot invoke "java.util.Map.entrySet()" because "patch" is null');
      }
      return { status: 200, body: await ctx.herder.patchConnectorConfig(params['c'], patch) };
    }),
    r('GET', '/connectors/:c/status', ({ ctx, params }) => ({
      status: 200,
      body: ctx.herder.connectorStatus(params['c']),
    })),
    r('GET', '/connectors/:c/tasks', ({ ctx, params }) => ({
      status: 200,
      body: ctx.herder.taskConfigs(params['c']),
    })),
    r('GET', '/connectors/:c/tasks/:t/status', ({ ctx, params }) => ({
      status: 200,
      body: ctx.herder.taskStatus(params['c'], intParam(params['t'])),
    })),
    r('POST', '/connectors/:c/tasks/:t/restart', async ({ ctx, params }) => {
      await ctx.herder.restartTask(params['c'], intParam(params['t']));
      return { status: 204 };
    }),
    r('POST', '/connectors/:c/restart', async ({ ctx, params, query }) => {
      const flags = {
        includeTasks: boolParam(query, 'includeTasks', false),
        onlyFailed: boolParam(query, 'onlyFailed', false),
      };
      if (forceRestartConnectorOnly(flags)) {
        await ctx.herder.restartConnector(params['c']);
        return { status: 204 };
      }
      return { status: 202, body: await ctx.herder.restartConnectorAndTasks(params['c'], flags) };
    }),
    r('PUT', '/connectors/:c/pause', async ({ ctx, params }) => {
      await ctx.herder.pauseConnector(params['c']);
      return { status: 202 };
    }),
    r('PUT', '/connectors/:c/resume', async ({ ctx, params }) => {
      await ctx.herder.resumeConnector(params['c']);
      return { status: 202 };
    }),
    r('PUT', '/connectors/:c/stop', async ({ ctx, params }) => {
      await ctx.herder.stopConnector(params['c']);
      return { status: 204 };
    }),
    r('GET', '/connectors/:c/topics', ({ ctx, params }) => {
      if (!ctx.topicTrackingEnabled) throw new ConnectRestException(403, 'Topic tracking is disabled.');
      const name = params['c'];
      return { status: 200, body: { [name]: { topics: ctx.herder.activeTopics(name) } } };
    }),
    r('PUT', '/connectors/:c/topics/reset', ({ ctx, params }) => {
      if (!ctx.topicTrackingEnabled) throw new ConnectRestException(403, 'Topic tracking is disabled.');
      if (!ctx.topicTrackingAllowReset)
        throw new ConnectRestException(403, 'Topic tracking reset is disabled.');
      ctx.herder.resetActiveTopics(params['c']);
      return { status: 202 };
    }),
    r('GET', '/connectors/:c/offsets', async ({ ctx, params }) => {
      const offsets = await ctx.herder.connectorOffsets(params['c']);
      return {
        status: 200,
        body: {
          offsets: offsets.offsets.map((o) => ({
            partition: javaHashMap(o.partition),
            offset: o.offset === null ? null : javaHashMap(o.offset),
          })),
        },
      };
    }),
    r('PATCH', '/connectors/:c/offsets', async ({ ctx, params, body }) => {
      const offsets = bindOffsets(parseBody(body));
      if (offsets === null) {
        throw new InternalServerError(
          'Cannot invoke "org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets.offsets()" because "offsets" is null',
        );
      }
      if (offsets.offsets === null || offsets.offsets.length === 0) {
        throw new BadRequestException(
          'Partitions / offsets need to be provided for an alter offsets request',
        );
      }
      return {
        status: 200,
        body: { message: await ctx.herder.alterConnectorOffsets(params['c'], offsets.offsets) },
      };
    }),
    r('DELETE', '/connectors/:c/offsets', async ({ ctx, params }) => ({
      status: 200,
      body: { message: await ctx.herder.resetConnectorOffsets(params['c']) },
    })),

    // ---- connector plugins ----
    r('GET', '/connector-plugins', ({ ctx, query }) => ({
      status: 200,
      body: ctx.plugins(boolParam(query, 'connectorsOnly', true)),
    })),
    r('GET', '/connector-plugins/:p/config', ({ ctx, params }) => ({
      status: 200,
      body: ctx.connectorPluginConfig(params['p']),
    })),
    r('PUT', '/connector-plugins/:p/config/validate', async ({ ctx, params, body }) => {
      const config = bindStringMap(parseBody(body));
      if (config === null) {
        throw new InternalServerError(
          'Cannot invoke "java.util.Map.get(Object)" because "connectorConfig" is null',
        );
      }
      const pluginName = params['p'];
      const included = config['connector.class'];
      const normalized = (n: string): string =>
        n.endsWith('Connector') && n.length > 'Connector'.length ? n.slice(0, -'Connector'.length) : n;
      if (
        included !== undefined &&
        included !== null &&
        !normalized(included).endsWith(normalized(pluginName))
      ) {
        throw new BadRequestException(
          `Included connector type ${included} does not match request type ${pluginName}`,
        );
      }
      try {
        return { status: 200, body: await ctx.herder.validateConnectorConfig(config) };
      } catch (error) {
        // The validate resource does not unwrap the ExecutionException: the mapper's generic branch
        // answers 500 with "<cause class>: <cause message>".
        if (error instanceof Error && 'javaClassName' in error) {
          throw new InternalServerError(
            `${String((error as { javaClassName: string }).javaClassName)}: ${error.message}`,
          );
        }
        throw error;
      }
    }),

    // ---- our metrics endpoint (not Connect's API: real Connect answers 404 here) ----
    r('GET', '/kcl/connectors/:c/metrics', ({ ctx, params }) => {
      if (!ctx.taskMetrics) throw new NotFoundException('HTTP 404 Not Found');
      return { status: 200, body: connectorMetrics(ctx.herder, ctx.taskMetrics, params['c']) };
    }),

    // ---- admin/loggers ----
    r('GET', '/admin/loggers', ({ ctx }) => ({ status: 200, body: ctx.loggers.all() })),
    r('GET', '/admin/loggers/:l', ({ ctx, params }) => {
      const level = ctx.loggers.get(params['l']);
      if (!level) throw new NotFoundException(`Logger ${params['l']} not found.`);
      return { status: 200, body: level };
    }),
    r('PUT', '/admin/loggers/:l', async ({ ctx, params, body, query }) => {
      const levels = bindStringMap(parseBody(body));
      if (levels === null)
        throw new InternalServerError('Cannot invoke "java.util.Map.get(Object)" because "levelMap" is null');
      const level = levels['level'];
      if (level === undefined || level === null)
        throw new BadRequestException("Desired 'level' parameter was not specified in request.");
      const parsed = LoggerLevels.toLevel(level);
      if (parsed === null) throw new NotFoundException(`invalid log level '${level}'.`);
      const scope = query.get('scope') ?? 'worker';
      if (scope.toLowerCase() === 'cluster') {
        await ctx.loggers.setCluster(params['l'], parsed);
        return { status: 204 };
      }
      if (scope.toLowerCase() !== 'worker')
        ctx.loggers.warn(
          `Received invalid scope '${scope}' in request to adjust logging level; will default to worker`,
        );
      return { status: 200, body: ctx.loggers.set(params['l'], parsed) };
    }),
  ];
}
