import { Metrics } from './metrics.js';
import { methodLabel, routeLabel, statusLabel, UNMATCHED_ROUTE } from './route-label.js';

describe('the HTTP figures label a request by its route template', () => {
  it('keeps the template the router matched', () => {
    expect(routeLabel('/api/public/views/check')).toBe('/api/public/views/check');
    expect(routeLabel('/api/meetings/:meetingId')).toBe('/api/meetings/:meetingId');
    expect(routeLabel('/boards/:board/')).toBe('/boards/:board/');
  });

  it('answers one label for every request no route matched', () => {
    expect(routeLabel(undefined)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(null)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel('')).toBe(UNMATCHED_ROUTE);
    expect(routeLabel('api/meetings')).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(`/${'a'.repeat(300)}`)).toBe(UNMATCHED_ROUTE);
  });

  it('bounds the method and status labels', () => {
    expect(methodLabel('get')).toBe('GET');
    expect(methodLabel('POST')).toBe('POST');
    expect(methodLabel('PROPFIND')).toBe('OTHER');
    expect(methodLabel(undefined)).toBe('OTHER');
    expect(statusLabel(201)).toBe('201');
    expect(statusLabel(42)).toBe('other');
  });

  it('records the template, not the path asked for, whatever the route was given', async () => {
    const metrics = new Metrics();
    metrics.observeRequest('GET', '/api/meetings/:meetingId', 200, 0.012);
    metrics.observeRequest('POST', undefined, 404, 0.001);
    metrics.observeAppend('sqlite', 'ok', 0.002);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'cpb_http_request_duration_seconds_count{method="GET",route="/api/meetings/:meetingId",status="200"} 1',
    );
    expect(text).toContain('cpb_http_request_duration_seconds_count{method="POST",route="unmatched",status="404"} 1');
    expect(text).toContain('cpb_event_store_append_duration_seconds_count{store="sqlite",outcome="ok"} 1');
    // Node's own figures only for a process that serves them.
    expect(text).not.toContain('process_cpu_user_seconds_total');
  });
});
