import { readStatic } from '../browser/static';
import { APP_HOST, APP_SCHEME, responseHeaders } from './security';

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/**
 * Answers an `app://caja/<path>` request from the built renderer folder. The path check is the browser host's
 * `resolveInside` (via `readStatic`): `..`, encoded separators and NUL never leave `rendererDir`. Pure Node, so
 * it is unit-tested without Electron; `main.ts` wraps the answer in a `Response`.
 */
export const serveAppRequest = async (rendererDir: string, rawUrl: string): Promise<AppResponse> => {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 400, headers: responseHeaders('text/plain; charset=utf-8'), body: 'Solicitud inválida' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { status: 404, headers: responseHeaders('text/plain; charset=utf-8'), body: 'No encontrado' };
  }
  // The raw path (still percent-encoded) goes to the check, which decodes it once and refuses escapes.
  const rawPath = rawUrl.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/)[0] || '/';
  const file = await readStatic(rendererDir, rawPath);
  if (!file) return { status: 404, headers: responseHeaders('text/plain; charset=utf-8'), body: 'No encontrado' };
  return { status: 200, headers: responseHeaders(file.type), body: file.body };
};
