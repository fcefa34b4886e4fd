/** Unit tests of the preview server (run with the other preview unit tests; no browser). */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startPreviewServer, type PreviewServer } from './server.mts';

/** GETs `pathAndQuery`; resolves with the status and the body text. */
function get(
    server: PreviewServer,
    pathAndQuery: string
): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
        const request = http.get(new URL(pathAndQuery, server.url), (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on('error', reject);
    });
}

describe('preview server', () => {
    let server: PreviewServer;
    before(async () => {
        server = await startPreviewServer(0);
    });
    after(async () => {
        await server.close();
    });

    it('says why it refuses a URL over its 16 kB limit, instead of an empty page', async () => {
        const long = `/?p.routing.fallbackRules=${'5735g000000XyZa,'.repeat(1200)}`;
        assert.ok(long.length > 16 * 1024);

        const { status, body } = await get(server, long);

        assert.equal(status, 431);
        assert.match(body, /This preview URL is too long/);
        assert.match(body, /property sheet/);
    });

    it('answers a usual request as before', async () => {
        const { status, body } = await get(server, '/no-such-file.txt');

        assert.equal(status, 404);
        assert.match(body, /Not found: \/no-such-file\.txt/);
    });
});
