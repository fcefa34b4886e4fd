/**
 * A small static server for the preview, on loopback only: preview/dist/www, and the SLDS
 * assets of @salesforce-ux/design-system under /assets/ (styles and icon sprites). Finds the next
 * free port when the one asked for is taken. Offers a live-reload event stream for `npm start`.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sldsAssetsDir, wwwDir } from './bundle.mts';

export const HOST = '127.0.0.1';

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.ico': 'image/x-icon'
};

/**
 * Node refuses a request whose header (the URL included) is over its limit, 16 kB, with a bare
 * 431 and no text. Long property values belong in the property sheet, not in the URL: say so.
 */
export const URL_TOO_LONG_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Preview URL too long</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 2rem auto">
<h1>This preview URL is too long</h1>
<p>The preview server accepts URLs up to about 16 kB, and this one is longer, so the page did not
open. Long property values (fallback rules, pre-chat values) belong in the property sheet:
open the preview without the long <code>p.…</code> parameters, switch on the Experience Builder
view and set them there (switching &ldquo;Signed in as&rdquo; or the chat client keeps them).</p>
<p><a href="/">Open the preview with its defaults</a></p>
</body></html>
`;

export interface PreviewServer {
    url: string;
    port: number;
    /** Tells open pages to reload (live reload). */
    reload(): void;
    close(): Promise<void>;
}

/** Maps a URL path into `root`; null when it would leave it. */
function safeJoin(root: string, urlPath: string): string | null {
    const target = path.resolve(root, `.${urlPath}`);
    return target === root || target.startsWith(root + path.sep) ? target : null;
}

function listen(server: http.Server, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
            server.off('listening', onListening);
            reject(error);
        };
        const onListening = () => {
            server.off('error', onError);
            resolve((server.address() as AddressInfo).port);
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(port, HOST);
    });
}

/**
 * Starts the server on `port` (0 = any free port); when the port is taken, tries the next ones.
 */
export async function startPreviewServer(port: number, tries = 20): Promise<PreviewServer> {
    const clients = new Set<http.ServerResponse>();
    const server = http.createServer((request, response) => {
        const url = new URL(request.url ?? '/', `http://${HOST}`);
        if (url.pathname === '/__live-reload') {
            response.writeHead(200, {
                'content-type': 'text/event-stream',
                'cache-control': 'no-cache',
                connection: 'keep-alive'
            });
            response.write(': connected\n\n');
            clients.add(response);
            request.on('close', () => clients.delete(response));
            return;
        }
        if (request.method !== 'GET' && request.method !== 'HEAD') {
            response.writeHead(405).end();
            return;
        }
        let pathname = decodeURIComponent(url.pathname);
        if (pathname === '/') {
            pathname = '/index.html';
        }
        const file = pathname.startsWith('/assets/')
            ? safeJoin(sldsAssetsDir, pathname.slice('/assets'.length))
            : safeJoin(wwwDir, pathname);
        if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
            response.end(`Not found: ${pathname}`);
            return;
        }
        response.writeHead(200, {
            'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-store'
        });
        if (request.method === 'HEAD') {
            response.end();
            return;
        }
        fs.createReadStream(file).pipe(response);
    });
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
        if (!socket.writable) {
            socket.destroy();
            return;
        }
        if (error.code === 'HPE_HEADER_OVERFLOW') {
            const body = Buffer.from(URL_TOO_LONG_PAGE);
            socket.end(
                `HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${URL_TOO_LONG_PAGE}`
            );
            return;
        }
        socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    });
    // Event streams stay open: don't let them hold the process at close.
    server.keepAliveTimeout = 1000;

    let bound = -1;
    let candidate = port;
    for (let attempt = 0; attempt < tries; attempt++) {
        try {
            bound = await listen(server, candidate);
            break;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || candidate === 0) {
                throw error;
            }
            candidate += 1;
        }
    }
    if (bound < 0) {
        throw new Error(`No free port from ${port} to ${candidate}`);
    }
    return {
        url: `http://${HOST}:${bound}/`,
        port: bound,
        reload() {
            for (const client of clients) {
                client.write('data: reload\n\n');
            }
        },
        close() {
            for (const client of clients) {
                client.end();
            }
            clients.clear();
            server.closeAllConnections();
            return new Promise((resolve) => server.close(() => resolve()));
        }
    };
}
