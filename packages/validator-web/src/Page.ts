/**
 * The built validator page: one self-contained HTML file (scripts, the Web
 * Worker, styles and the Khmer font inlined) that works from `file://` and
 * from any static host, and never connects to a network (its
 * Content-Security-Policy forbids it).
 *
 * @since 0.1.0
 */

/**
 * Where the page is in the installed package (`dist/validator.html`), as a
 * `file:` URL. Also reachable as `@homeward/validator-web/validator.html`.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs"
 * import { Page } from "@homeward/validator-web"
 *
 * const html = readFileSync(Page.url, "utf8")
 * ```
 *
 * @since 0.1.0
 */
export const url: URL = new URL("../dist/validator.html", import.meta.url)

/**
 * The file name of the page.
 *
 * @since 0.1.0
 */
export const fileName = "validator.html"

/**
 * The Content-Security-Policy of the page: no connection of any kind
 * (`connect-src 'none'`, no remote scripts, styles, fonts, images or
 * frames); scripts only inline and the worker only from a `blob:` URL the
 * page makes itself; form submission nowhere.
 *
 * @since 0.1.0
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; font-src data:; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
