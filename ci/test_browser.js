#!/usr/bin/env node
/*
 * The real-browser test of the notebooks (issue 10): Debian's Jupyter Notebook 6.4 server and Debian's chromium,
 * driven by playwright-core (pinned in ci/browser/package-lock.json, installed by ci/install.sh).
 *
 *   node ci/test_browser.js [CHECK...]     CHECK: run-all, untrusted, stop-on-error, flood, interrupt, completion
 *                                          (default: all of them, in that order)
 *
 * It serves a temporary copy of notebooks/ (the checkout is not touched) on a free local port, then in Chromium:
 *   run-all        Kernel > Restart & Run All of 00-tour.ipynb and sdr.ipynb: every code cell executed (counts
 *                  1..N), no unexpected error, each cell's images as many as its baseline (ci/baselines/) holds,
 *                  decoded and not blank, badges in the verdict colours, each pinned verdict shown in its colour,
 *                  tables left-aligned, and the last cell executed;
 *   untrusted      the executed notebooks the notebook runner wrote (ci/out/notebooks/, not signed, so untrusted):
 *                  badges keep their colours, tables their left alignment, images decode;
 *   stop-on-error  Cell > Run All of a notebook whose second cell throws: the third and later cells do not run;
 *   flood          a cell printing 1,000,000 lines ends with the kernel idle and the page responsive;
 *   interrupt      the stop button ends Thread.sleep(60_000) within a few seconds, and the next cell runs;
 *   completion     typing Math.sq and Tab offers Math.sqrt.
 * One line per check with its time; screenshots and the server's and browser's logs go to ci/out/browser/.
 * The server, every kernel it started and the browser are stopped at the end, also on failure or Ctrl-C.
 *
 * Settings: REPROLAB_BROWSER_RUN_ALL (notebooks for run-all, default "00-tour sdr"),
 * REPROLAB_BROWSER_UNTRUSTED (executed notebooks for untrusted; default: the fewest whose pins show all
 * three verdict colours), REPROLAB_BROWSER_TIMEOUT (seconds one Run All may take, default 300).
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const crypto = require('crypto');
const { spawn, spawnSync } = require('child_process');
const { createRequire } = require('module');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'ci', 'out', 'browser');
const NOTEBOOKS = path.join(ROOT, 'notebooks');
const EXECUTED = path.join(ROOT, 'ci', 'out', 'notebooks');
const BASELINES = path.join(ROOT, 'ci', 'baselines');
const EXPECTED = path.join(ROOT, 'reproductions', 'src', 'test', 'resources', 'expected-verdicts');
const CHROMIUM = '/usr/bin/chromium';
const PYTHON = '/usr/bin/python3';
const KERNEL = 'reprolab-java';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The verdict colours of library/src/main/java/org/reprolab/report/ResultHtml.java (GREEN, RED, AMBER). */
const COLOURS = { pass: '#2e7d32', fail: '#c62828', inconclusive: '#f2a900' };
const CHECKS = ['run-all', 'untrusted', 'stop-on-error', 'flood', 'interrupt', 'completion'];
const RUN_ALL_TIMEOUT = 1000 * Number(process.env.REPROLAB_BROWSER_TIMEOUT || 300);
const FLOOD_LIMIT_S = 60;      // the flood cell must be idle within this many seconds of Shift-Enter
const INTERRUPT_LIMIT_S = 5;   // the sleeping cell must end within this many seconds of the click
const RESPONSIVE_LIMIT_MS = 1000;

class CheckFailed extends Error {}

function fail(msg) { throw new CheckFailed(msg); }

function expect(cond, msg) { if (!cond) fail(msg); }

function hexToRgb(hex) {
    const n = parseInt(hex.slice(1), 16);
    return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

const COLOUR_NAMES = Object.fromEntries(Object.entries(COLOURS).map(([k, v]) => [hexToRgb(v), `${k} ${v}`]));

function colourName(rgb) { return COLOUR_NAMES[rgb] || rgb; }

function seconds(t0) { return (Date.now() - t0) / 1000; }

function words(s) { return (s || '').split(/[\s,]+/).filter(Boolean); }

function readJson(file) { return JSON.parse(fs.readFileSync(file, 'utf8')); }

function log(line) { process.stdout.write(line + '\n'); }

// ------------------------------------------------------------------------------------------------ setup

function loadPlaywright() {
    const pkg = path.join(__dirname, 'browser', 'package.json');
    try {
        return createRequire(pkg)('playwright-core');
    } catch (e) {
        console.error(`browser: playwright-core is not installed in ci/browser (${e.code || e.message}); `
            + 'run ci/install.sh (it runs npm ci there)');
        process.exit(2);
    }
}

function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

function httpRequest(method, url, timeoutMs = 10000) {
    return new Promise((resolve, reject) => {
        const req = http.request(url, { method, timeout: timeoutMs }, res => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', d => { body += d; });
            res.on('end', () => resolve({ status: res.statusCode, body }));
        });
        req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end();
    });
}

/** Pids of the processes whose command line names dir: the kernels our server started (their connection files
 * live in our own runtime dir), so only they are stopped. */
function processesNaming(dir) {
    const pids = [];
    for (const p of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(p) || Number(p) === process.pid) continue;
        try {
            if (fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(dir)) pids.push(Number(p));
        } catch (e) { /* ended meanwhile */ }
    }
    return pids;
}

function alive(pid) {
    try { process.kill(pid, 0); return true; } catch (e) { return false; }
}

async function waitGone(pids, ms) {
    const end = Date.now() + ms;
    while (pids.some(alive) && Date.now() < end) await new Promise(r => setTimeout(r, 100));
    return pids.filter(alive);
}

/** A fresh folder: the served copy of notebooks/ (and untrusted/ with the runner's executed notebooks), Jupyter's
 * runtime and config dirs, and Chromium's profile. */
function prepare(untrusted) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reprolab-browser-'));
    const served = path.join(tmp, 'notebooks');
    fs.mkdirSync(served);
    for (const f of fs.readdirSync(NOTEBOOKS)) {
        if (f.endsWith('.ipynb')) fs.copyFileSync(path.join(NOTEBOOKS, f), path.join(served, f));
    }
    fs.mkdirSync(path.join(served, 'untrusted'));
    for (const id of untrusted) {
        const src = path.join(EXECUTED, `${id}.ipynb`);
        if (fs.existsSync(src)) fs.copyFileSync(src, path.join(served, 'untrusted', `${id}.ipynb`));
    }
    fs.writeFileSync(path.join(served, 'browser-checks.ipynb'), JSON.stringify(checksNotebook(), null, 1));
    for (const d of ['runtime', 'config', 'profile', 'home']) fs.mkdirSync(path.join(tmp, d));
    return { tmp, served, runtime: path.join(tmp, 'runtime'), config: path.join(tmp, 'config'),
        profile: path.join(tmp, 'profile'), home: path.join(tmp, 'home') };
}

/** The scratch notebook of the stop-on-error, flood, interrupt and completion checks (cells by index). */
const CELL = { first: 0, throws: 1, third: 2, flood: 3, sleep: 4, after: 5, completion: 6 };

function checksNotebook() {
    const meta = readJson(path.join(NOTEBOOKS, '00-tour.ipynb')).metadata;
    const code = (id, src) => ({ cell_type: 'code', id, metadata: {}, execution_count: null, outputs: [],
        source: src });
    return {
        nbformat: 4, nbformat_minor: 5, metadata: meta,
        cells: [
            code('first', 'String first = "the first cell ran";\nfirst'),
            code('throws', 'throw new IllegalStateException("an unexpected error: Run All must stop here");'),
            code('third', 'System.out.println("the third cell ran");'),
            code('flood', 'for (int i = 0; i < 1_000_000; i++) {\n    System.out.println("line " + i);\n}'),
            code('sleep', 'System.out.println("sleeping");\nThread.sleep(60_000);\nSystem.out.println("woke up");'),
            code('after', '"the kernel serves after the interrupt: " + (6 * 7)'),
            code('completion', ''),
        ],
    };
}

/** Which reprolab-java kernelspec Jupyter resolves (JUPYTER_PATH, then user, then system dirs), and its jar. */
function kernelSpec(env) {
    const r = spawnSync(PYTHON, ['-c', 'import json, sys\n'
        + 'from jupyter_client.kernelspec import KernelSpecManager\n'
        + `s = KernelSpecManager().get_kernel_spec("${KERNEL}")\n`
        + 'print(json.dumps({"dir": s.resource_dir, "argv": s.argv}))'], { env, encoding: 'utf8' });
    if (r.status !== 0) {
        console.error(`browser: no '${KERNEL}' kernelspec visible to Jupyter: `
            + `${(r.stderr || '').trim().split('\n').pop()}\n  install one: ./reprolab kernel install --user `
            + '(or --prefix DIR, with JUPYTER_PATH=DIR/share/jupyter)');
        process.exit(2);
    }
    const spec = JSON.parse(r.stdout);
    const jar = spec.argv.find(a => a.endsWith('.jar')) || '?';
    const real = f => { try { return fs.realpathSync(f); } catch (e) { return path.resolve(f); } };
    const rel = path.relative(real(ROOT), real(jar));
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
        console.error(`browser: the '${KERNEL}' kernelspec Jupyter finds (${spec.dir}) runs ${jar}, not this checkout's; `
            + `install this checkout's: ./reprolab kernel install --prefix "$PWD/.jk" and `
            + 'export JUPYTER_PATH="$PWD/.jk/share/jupyter" (or --user, as ci/install.sh does)');
        process.exit(2);
    }
    return { dir: spec.dir, jar };
}

class Server {
    constructor(dirs, env) { this.dirs = dirs; this.env = env; this.proc = null; }

    async start() {
        const logFile = path.join(OUT, 'jupyter.log');
        this.token = crypto.randomBytes(24).toString('hex');
        for (let attempt = 1; ; attempt++) {
            this.port = await freePort();
            const fd = fs.openSync(logFile, attempt === 1 ? 'w' : 'a');
            this.proc = spawn(PYTHON, ['-m', 'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${this.port}`,
                '--port-retries=0', `--NotebookApp.token=${this.token}`, `--notebook-dir=${this.dirs.served}`,
                '--NotebookNotary.db_file=:memory:', ...(process.getuid() === 0 ? ['--allow-root'] : [])],
            { env: this.env, cwd: this.dirs.served, detached: true, stdio: ['ignore', fd, fd] });
            fs.closeSync(fd);
            this.exited = null;
            this.proc.on('exit', (code, sig) => { this.exited = sig || code; });
            this.base = `http://127.0.0.1:${this.port}`;
            const end = Date.now() + 60000;
            while (Date.now() < end && this.exited === null) {
                try {
                    const r = await httpRequest('GET', `${this.base}/api/status?token=${this.token}`, 2000);
                    if (r.status === 200) return;
                } catch (e) { /* not up yet */ }
                await new Promise(r => setTimeout(r, 200));
            }
            const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n  ');
            if (this.exited === null) {
                await this.stop();
                throw new Error(`the Jupyter server did not answer on port ${this.port} within 60 s:\n  ${tail}`);
            }
            if (attempt === 3 || !/already in use|Address already/i.test(tail)) {
                throw new Error(`the Jupyter server ended (${this.exited}) before it answered:\n  ${tail}`);
            }
        }
    }

    api(method, p) { return httpRequest(method, `${this.base}${p}${p.includes('?') ? '&' : '?'}token=${this.token}`); }

    /** Shuts down the kernel of the notebook at path (relative to the served folder). */
    async shutdownKernelOf(nbPath) {
        try {
            const sessions = JSON.parse((await this.api('GET', '/api/sessions')).body);
            for (const s of sessions) {
                if (s.path === nbPath) await this.api('DELETE', `/api/sessions/${s.id}`);
            }
        } catch (e) { /* the final stop catches what is left */ }
    }

    /** Every kernel (through the API, then by pid), then the server (SIGTERM, then SIGKILL). */
    async stop() {
        if (this.proc && this.exited === null) {
            try {
                const kernels = JSON.parse((await this.api('GET', '/api/kernels')).body);
                await Promise.all(kernels.map(k => this.api('DELETE', `/api/kernels/${k.id}`).catch(() => null)));
            } catch (e) { /* the server may be gone */ }
            try { process.kill(-this.proc.pid, 'SIGTERM'); } catch (e) { /* gone */ }
            if ((await waitGone([this.proc.pid], 10000)).length) {
                try { process.kill(-this.proc.pid, 'SIGKILL'); } catch (e) { /* gone */ }
            }
        }
        const kernels = processesNaming(this.dirs.runtime);
        for (const pid of kernels) { try { process.kill(pid, 'SIGTERM'); } catch (e) { /* gone */ } }
        for (const pid of await waitGone(kernels, 5000)) { try { process.kill(pid, 'SIGKILL'); } catch (e) { /* */ } }
        return kernels.length;
    }
}

// ------------------------------------------------------------------------------------------------ page helpers

/** Opens a notebook and waits until it is loaded (and, unless withKernel is false, its kernel connected and idle). */
async function openNotebook(ctx, server, nbPath, consoleLines, withKernel = true) {
    const page = await ctx.newPage();
    page.on('console', m => {
        if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${nbPath}: ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', e => consoleLines.push(`${nbPath}: pageerror: ${e.message}`));
    await page.goto(`${server.base}/notebooks/${nbPath.split('/').map(encodeURIComponent).join('/')}?token=${server.token}`);
    if (!withKernel) {
        await waitFor(page, 'the notebook loaded', () => window.Jupyter && Jupyter.notebook
            && Jupyter.notebook._fully_loaded, 120000);
        return page;
    }
    await waitFor(page, 'the notebook loaded and its kernel connected and idle', () => window.Jupyter
        && Jupyter.notebook && Jupyter.notebook._fully_loaded && Jupyter.notebook.kernel
        && Jupyter.notebook.kernel.is_connected()
        && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null, 120000);
    // Count execute requests from here on: Run All is done when all were sent and none is running.
    await page.evaluate(() => {
        window.__reprolab = { executed: 0 };
        Jupyter.notebook.events.on('execute.CodeCell', () => { window.__reprolab.executed++; });
    });
    return page;
}

/** Waits until every image in the outputs has loaded or failed (decoding is asynchronous: a busy machine is slow). */
async function waitImages(page) {
    await waitFor(page, 'every output image loaded', () => Array.from(document.querySelectorAll('.output_wrapper img'))
        .every(img => img.complete), 60000);
}

async function waitFor(page, what, fn, timeoutMs, arg) {
    try {
        await page.waitForFunction(fn, arg, { timeout: timeoutMs, polling: 100 });
    } catch (e) {
        if (e.name === 'TimeoutError' || /Timeout/.test(e.message)) {
            const s = await state(page).catch(() => null);
            fail(`expected ${what} within ${timeoutMs / 1000} s; saw ${s ? describeState(s) : 'a page that does not answer'}`);
        }
        throw e;
    }
}

/** Execution counts, running cells and the kernel indicator, as the page shows them. */
function state(page) {
    return page.evaluate(() => ({
        counts: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').map(c => c.input_prompt_number),
        running: Jupyter.notebook.get_cells().map((c, i) => c.element.hasClass('running') ? i : -1).filter(i => i >= 0),
        kernel: (document.querySelector('#kernel_indicator_icon') || {}).className || 'none',
        executed: window.__reprolab ? window.__reprolab.executed : 0,
    }));
}

function describeState(s) {
    const counts = s.counts.map(c => (c === null || c === undefined ? ' ' : c)).join(',');
    return `kernel indicator '${s.kernel}', execution counts [${counts}], running cells [${s.running.join(',')}]`;
}

const IDLE = () => document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;

/** Waits until code cell i (index among all cells) has an execution count, is not running, and the kernel is idle. */
async function waitCellDone(page, i, timeoutMs, what) {
    await waitFor(page, what || `cell ${i} done (an execution count, kernel idle)`, j => {
        const c = Jupyter.notebook.get_cell(j);
        return typeof c.input_prompt_number === 'number' && !c.element.hasClass('running')
            && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
    }, timeoutMs, i);
}

/** Puts the cursor at the end of cell i (edit mode). */
async function editCell(page, i) {
    const cm = page.locator('#notebook-container .cell').nth(i).locator('.CodeMirror');
    await cm.scrollIntoViewIfNeeded();
    await cm.click();
    await page.evaluate(j => {
        const cell = Jupyter.notebook.get_cell(j);
        Jupyter.notebook.select(j);
        cell.code_mirror.focus();
        cell.code_mirror.setCursor(cell.code_mirror.lineCount(), 0);
    }, i);
}

async function runCell(page, i) {
    await editCell(page, i);
    await page.keyboard.press('Shift+Enter');  // run the cell (and select the next)
}

async function menu(page, menuId, itemId) {
    await page.click(`#${menuId}`);
    await page.click(`#${itemId} > a`);
}

async function outputText(page, i) {
    return page.evaluate(j => Jupyter.notebook.get_cell(j).output_area.element[0].innerText, i);
}

async function screenshot(page, name, scrollToSelector) {
    if (scrollToSelector) {
        await page.evaluate(sel => {
            const els = document.querySelectorAll(sel);
            if (els.length) els[els.length - 1].scrollIntoView({ block: 'start' });
        }, scrollToSelector);
    }
    const file = path.join(OUT, `${name}.png`);
    await page.screenshot({ path: file });
    return path.relative(ROOT, file);
}

/** The whole notebook in one picture: the notebook's scrolling panel is opened up for it (after the checks). */
async function fullScreenshot(page, name) {
    await page.evaluate(() => {
        document.body.style.overflow = 'visible';
        const site = document.getElementById('site');
        site.style.height = 'auto';
        site.style.overflow = 'visible';
    });
    const file = path.join(OUT, `${name}.png`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const vp = page.viewportSize();
    await page.screenshot({ path: file, fullPage: true,
        clip: { x: 0, y: 0, width: vp.width, height: Math.min(height, 16000) } });
    return path.relative(ROOT, file);
}

// ------------------------------------------------------------------------------------------------ what a notebook shows

/** Per cell: images (decoded size, share of pixels unlike the corner pixel), badges (class, computed colour,
 * text), verdict rows (claim id, badge class, colour), table cells not left-aligned, errors. */
function inspectOutputs(page) {
    return page.evaluate(() => {
        function pixels(img) {
            const w = img.naturalWidth, h = img.naturalHeight;
            if (!img.complete || w === 0 || h === 0) return { w, h, complete: img.complete, share: 0, colours: 0 };
            const canvas = document.createElement('canvas');
            canvas.width = w; canvas.height = h;
            const ctx = canvas.getContext('2d');
            ctx.drawImage(img, 0, 0);
            const d = ctx.getImageData(0, 0, w, h).data;
            const r0 = d[0], g0 = d[1], b0 = d[2];
            let unlike = 0;
            const colours = new Set();
            for (let k = 0; k < d.length; k += 4) {
                if (Math.abs(d[k] - r0) + Math.abs(d[k + 1] - g0) + Math.abs(d[k + 2] - b0) > 48) unlike++;
                if (colours.size < 256) colours.add((d[k] << 16) | (d[k + 1] << 8) | d[k + 2]);
            }
            return { w, h, complete: true, share: unlike / (w * h), colours: colours.size };
        }
        const outcomeOf = el => ['pass', 'fail', 'inconclusive'].find(c => el.classList.contains(c)) || 'neutral';
        const transparent = c => c === 'transparent' || /^rgba\(.*, 0\)$/.test(c);
        /** The colour a badge shows: its background where it has one (a pill), else its text's colour (where
         * Notebook's sanitiser destroyed the inline styles, the badge's <font color>). */
        function colourOf(badge) {
            let el = badge;
            while (el.firstElementChild && el.children.length === 1) el = el.firstElementChild;
            const background = getComputedStyle(badge).backgroundColor;
            const text = getComputedStyle(el).color;
            return { background, text, shown: transparent(background) ? text : background };
        }
        /** The alignment of a table cell's text as shown: text-align of the block its first text sits in. */
        function alignmentOf(cell) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT,
                { acceptNode: n => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
            const first = walker.nextNode();
            if (!first) return null;
            let el = first.parentElement;
            while (el !== cell && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
            return { value: getComputedStyle(el).textAlign, on: el === cell ? cell.tagName.toLowerCase()
                : `${el.tagName.toLowerCase()}${el.getAttribute('align') ? ` align=${el.getAttribute('align')}` : ''}` };
        }
        return Jupyter.notebook.get_cells().map((cell, i) => {
            const out = cell.element[0].querySelector('.output_wrapper');
            const res = { index: i, type: cell.cell_type, count: cell.input_prompt_number,
                tags: (cell.metadata && cell.metadata.tags) || [], images: [], badges: [], verdicts: [],
                misaligned: [], errors: [], garbled: 0 };
            if (!out || cell.cell_type !== 'code') return res;
            out.querySelectorAll('img').forEach(img => res.images.push(pixels(img)));
            out.querySelectorAll('span.verdict').forEach(b => {
                const c = colourOf(b);
                res.badges.push({ outcome: outcomeOf(b), colour: c.shown, background: c.background, text: c.text,
                    label: b.textContent.trim(), style: b.getAttribute('style') || '' });
            });
            out.querySelectorAll('table.verdicts tbody tr').forEach(tr => {
                const id = tr.querySelector('td b');
                const badge = tr.querySelector('span.verdict');
                if (id && badge) res.verdicts.push({ claim: id.textContent.trim(), outcome: outcomeOf(badge),
                    colour: colourOf(badge).shown });
            });
            out.querySelectorAll('.output_html table td, .output_html table th').forEach(td => {
                const align = alignmentOf(td);
                if (align && !['left', 'start', '-webkit-left'].includes(align.value)) {
                    res.misaligned.push(`${td.tagName.toLowerCase()} '${td.textContent.trim().slice(0, 30)}' is `
                        + `${align.value} (set on its ${align.on})`);
                }
            });
            out.querySelectorAll('.output_error').forEach(e => res.errors.push(e.innerText.trim().split('\n')[0]));
            out.querySelectorAll('[style*="undefined:undefined"]').forEach(() => { res.garbled++; });
            return res;
        });
    });
}

function pinnedVerdicts(id) {
    const f = path.join(EXPECTED, `${id}.properties`);
    if (!fs.existsSync(f)) return null;
    const pinned = {};
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
        const t = line.trim();
        if (t && !t.startsWith('#') && t.includes('=')) {
            const [k, v] = t.split('=', 2);
            pinned[k.trim()] = v.trim().toLowerCase();
        }
    }
    return pinned;
}

/**
 * The fewest executed notebooks (ci/out/notebooks/) whose pinned verdicts show PASS, FAIL and INCONCLUSIVE between
 * them, chosen greedily in id order, so the untrusted check sees every colour whatever the pins are today.
 */
function coveringNotebooks() {
    const ids = fs.readdirSync(EXPECTED).filter(f => f.endsWith('.properties')).map(f => f.slice(0, -11)).sort()
        .filter(id => fs.existsSync(path.join(EXECUTED, `${id}.ipynb`)));
    const outcomes = Object.fromEntries(ids.map(id => [id, new Set(Object.values(pinnedVerdicts(id) || {}))]));
    const chosen = [];
    const seen = new Set();
    while (Object.keys(COLOURS).some(o => !seen.has(o))) {
        const gain = id => [...outcomes[id]].filter(o => o in COLOURS && !seen.has(o)).length;
        const best = ids.filter(id => !chosen.includes(id)).sort((a, b) => gain(b) - gain(a))[0];
        if (!best || gain(best) === 0) break;
        chosen.push(best);
        outcomes[best].forEach(o => seen.add(o));
    }
    return chosen;
}

/** Images each cell of a notebook should show, from its baseline (PNG outputs and images in HTML outputs). */
function expectedImages(id) {
    const f = path.join(BASELINES, `${id}.json`);
    if (!fs.existsSync(f)) return null;
    const counts = {};
    for (const [cellId, cell] of Object.entries(readJson(f).cells || {})) {
        counts[cellId] = (cell.outputs || []).reduce((n, o) => n + (o.png ? 1 : 0)
            + ((o.html && o.html.images) ? o.html.images.length : 0), 0);
    }
    return counts;
}

/** Problems of one kind: how many, the first few, and every one of them for the details file. */
class Problems {
    constructor() { this.kinds = new Map(); }

    add(kind, text) {
        if (!this.kinds.has(kind)) this.kinds.set(kind, []);
        this.kinds.get(kind).push(text);
    }

    get empty() { return this.kinds.size === 0; }

    /** One line per kind: the count and the first two examples. */
    summary() {
        return [...this.kinds].map(([kind, list]) => `${kind}: ${list.length === 1 ? list[0]
            : `${list.length} times, e.g. ${list.slice(0, 2).join('; ')}`}`).join('\n    ');
    }

    /** Writes every problem to ci/out/browser/NAME.txt; returns the path for the failure message. */
    write(name) {
        const file = path.join(OUT, `${name}.txt`);
        fs.writeFileSync(file, [...this.kinds].map(([k, list]) => `${k}:\n  ${list.join('\n  ')}`).join('\n') + '\n');
        return path.relative(ROOT, file);
    }
}

/** The outcome a tally badge's text implies (Tally.line(): "claims: P pass, F fail, I inconclusive[; checks: C of N]"):
 * FAIL when a claim or check failed, INCONCLUSIVE when claims are and nothing failed, else PASS; null for other text. */
function tallyOutcome(text) {
    const m = /claims: (\d+) pass, (\d+) fail, (\d+) inconclusive(?:; checks: (\d+) of (\d+))?/.exec(text);
    if (!m) return null;
    const [fail, inconclusive, checksFailed] = [Number(m[2]), Number(m[3]), m[4] ? Number(m[5]) - Number(m[4]) : 0];
    return fail || checksFailed ? 'fail' : inconclusive ? 'inconclusive' : 'pass';
}

/** Checks what a notebook shows against its source, baseline and pinned verdicts. */
function judgeOutputs(id, cells, source, { executed }) {
    const problems = new Problems();
    const imagesWanted = expectedImages(id);
    const pinned = pinnedVerdicts(id);
    let images = 0;
    const badgeCounts = { pass: 0, fail: 0, inconclusive: 0, neutral: 0 };
    const seen = {};
    cells.forEach((c, i) => {
        const cellId = source.cells[i] && source.cells[i].id;
        const name = `cell ${i}${cellId ? ` (${cellId})` : ''}`;
        if (c.type !== 'code') return;
        if (executed && c.errors.length && !c.tags.includes('raises-exception')) {
            problems.add('expected no error outside cells tagged raises-exception', `${name} shows '${c.errors[0]}'`);
        }
        if (imagesWanted && cellId in imagesWanted && imagesWanted[cellId] !== c.images.length) {
            problems.add('expected as many images as the baseline holds',
                `${name}: expected ${imagesWanted[cellId]}, saw ${c.images.length}`);
        }
        c.images.forEach((im, k) => {
            images++;
            if (!im.complete || im.w === 0) {
                problems.add('expected images decoded', `${name} image ${k + 1}: naturalWidth ${im.w}`);
            } else if (im.share < 0.002 || im.colours < 2) {
                problems.add('expected images not blank', `${name} image ${k + 1} (${im.w}x${im.h}): `
                    + `${(100 * im.share).toFixed(2)} % of its pixels differ from the corner pixel, ${im.colours} colour(s)`);
            }
        });
        c.badges.forEach(b => {
            badgeCounts[b.outcome]++;
            if (b.outcome !== 'neutral' && b.colour !== hexToRgb(COLOURS[b.outcome])) {
                problems.add('expected badges in their verdict colour', `${name}: ${b.outcome.toUpperCase()} badge `
                    + `'${b.label.slice(0, 40)}' should be ${COLOURS[b.outcome]}, is ${colourName(b.colour)} `
                    + `(style="${b.style.slice(0, 60)}${b.style.length > 60 ? '...' : ''}")`);
            } else if (tallyOutcome(b.label) && tallyOutcome(b.label) !== b.outcome) {
                problems.add("expected a tally badge's colour to follow its count", `${name}: badge '${b.label}' is `
                    + `${b.outcome.toUpperCase()}, its count says ${tallyOutcome(b.label).toUpperCase()}`);
            } else if (b.text === b.background) {
                problems.add('expected badge text readable on its background', `${name}: badge '${b.label.slice(0, 40)}' `
                    + `has text and background both ${colourName(b.colour)}`);
            }
        });
        c.verdicts.forEach(v => { (seen[v.claim] = seen[v.claim] || []).push({ ...v, cell: name }); });
        c.misaligned.forEach(m => problems.add('expected table cells left-aligned', `${name}: ${m}`));
    });
    const garbled = cells.reduce((n, c) => n + c.garbled, 0);
    if (garbled && !problems.empty) {
        problems.add('why', `${garbled} elements' inline styles read 'undefined:undefined': Notebook 6.4's sanitiser of `
            + 'untrusted HTML rewrites every inline style so (jupyter/notebook#6172); what shows must come from what it '
            + 'keeps (align on div and p, bgcolor on td, th and tr, <font color>), as ResultHtml does');
    }
    if (imagesWanted === null) problems.add('expected a baseline', `no ci/baselines/${id}.json to count images against`);
    if (pinned) {
        for (const [claim, outcome] of Object.entries(pinned)) {
            const rows = seen[claim] || [];
            if (!rows.length) {
                problems.add('expected every pinned verdict in a verdict table', `${claim} (pinned ${outcome.toUpperCase()})`);
            }
            for (const r of rows) {
                if (r.outcome !== outcome || r.colour !== hexToRgb(COLOURS[outcome])) {
                    problems.add('expected each pinned verdict shown in its colour', `${r.cell}: ${claim} is pinned `
                        + `${outcome.toUpperCase()} (${COLOURS[outcome]}), its badge is ${r.outcome.toUpperCase()} in `
                        + `${colourName(r.colour)}`);
                }
            }
        }
    }
    const badges = Object.entries(badgeCounts).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
    return { problems, images, badgeCounts, summary: `${images} images decoded and not blank, badges ${badges} in `
        + `their colours${pinned ? `, ${Object.keys(pinned).length} pinned verdicts shown in theirs` : ''}, tables left-aligned` };
}

/** Fails with the problems' summary and the file that lists them all. */
function expectNoProblems(problems, name) {
    if (problems.empty) return;
    fail(`${problems.summary()}\n    (all of them: ${problems.write(name)})`);
}

// ------------------------------------------------------------------------------------------------ checks

async function checkRunAll(ctx, server, id, consoleLines) {
    const nbPath = `${id}.ipynb`;
    const source = readJson(path.join(NOTEBOOKS, nbPath));
    const codeCells = source.cells.filter(c => c.cell_type === 'code');
    const nonEmpty = codeCells.filter(c => [].concat(c.source).join('').trim()).length;
    const page = await openNotebook(ctx, server, nbPath, consoleLines);
    try {
        await menu(page, 'kernellink', 'restart_run_all');
        await page.getByRole('button', { name: 'Restart and Run All Cells' }).click();
        await waitFor(page, `all ${nonEmpty} code cells sent and finished, kernel idle`, n => window.__reprolab.executed >= n
            && document.querySelector('.code_cell.running') === null
            && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null, RUN_ALL_TIMEOUT, nonEmpty);
        const s = await state(page);
        let n = 0;  // Jupyter sends no request for an empty cell
        const want = codeCells.map(c => ([].concat(c.source).join('').trim() ? ++n : null));
        expect(JSON.stringify(s.counts) === JSON.stringify(want),
            `expected execution counts [${want}] (every code cell, in order, the last one included); saw ${describeState(s)}`);
        await waitImages(page);
        const cells = await inspectOutputs(page);
        const judged = judgeOutputs(id, cells, source, { executed: true });
        const shot = await fullScreenshot(page, `run-all-${id}`);
        expectNoProblems(judged.problems, `run-all-${id}`);
        return `${n} of ${n} code cells executed (the last In [${n}]), `
            + `${judged.summary}; ${shot}`;
    } finally {
        await page.close();
        await server.shutdownKernelOf(nbPath);
    }
}

async function checkUntrusted(ctx, server, id, consoleLines, outcomes) {
    const file = path.join(EXECUTED, `${id}.ipynb`);
    expect(fs.existsSync(file), `expected the notebook runner's ${path.relative(ROOT, file)}; it is missing `
        + '(run /usr/bin/python3 ci/notebooks.py run first, as test.sh does)');
    const source = readJson(file);
    const nbPath = `untrusted/${id}.ipynb`;
    // Nothing runs here: the kernel Jupyter starts for the page is not waited for, and shut down at the end.
    const page = await openNotebook(ctx, server, nbPath, consoleLines, false);
    try {
        const trust = await page.evaluate(() => ({ trusted: Jupyter.notebook.trusted,
            label: (document.querySelector('#notification_trusted') || {}).textContent || '' }));
        expect(trust.trusted === false, `expected ${nbPath} to open untrusted; Jupyter says trusted=${trust.trusted} `
            + `('${trust.label.trim()}')`);
        await waitImages(page);
        const cells = await inspectOutputs(page);
        const judged = judgeOutputs(id, cells, source, { executed: false });
        const shot = await screenshot(page, `untrusted-${id}`, '.output_area table.verdicts');
        const bc = judged.badgeCounts;
        Object.keys(COLOURS).filter(k => bc[k] > 0).forEach(k => outcomes.add(k));
        expect(bc.pass + bc.fail + bc.inconclusive > 0, `expected verdict badges in ${nbPath}; saw none`);
        expectNoProblems(judged.problems, `untrusted-${id}`);
        return `${id} opened '${trust.label.trim()}': ${judged.summary}; ${shot}`;
    } finally {
        await page.close();
        await server.shutdownKernelOf(nbPath);
    }
}

async function checkStopOnError(page) {
    await menu(page, 'celllink', 'run_all_cells');
    const n = checksNotebook().cells.filter(c => c.source.trim()).length;
    await waitFor(page, `all ${n} non-empty cells sent, none running, kernel idle`, k => window.__reprolab.executed >= k
        && document.querySelector('.code_cell.running') === null
        && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null, 120000, n);
    const s = await state(page);
    const shot = await screenshot(page, 'stop-on-error', '#notebook-container .cell');
    const err = await outputText(page, CELL.throws);
    expect(s.counts[CELL.first] === 1 && s.counts[CELL.throws] === 2, `expected the first two cells executed `
        + `(In [1], In [2]); saw ${describeState(s)}`);
    expect(/IllegalStateException/.test(err), `expected the second cell to show its IllegalStateException; it shows `
        + `'${err.slice(0, 200)}'`);
    const ranAfter = s.counts.slice(CELL.third).map((c, k) => (typeof c === 'number' ? CELL.third + k : -1))
        .filter(k => k >= 0);
    const third = await outputText(page, CELL.third);
    expect(!ranAfter.length && !third.trim(), `expected Run All to stop at the error (no cell after it executed); `
        + `saw cells [${ranAfter}] executed, the third cell's output '${third.trim().slice(0, 100)}'`);
    return `Run All: In [1], In [2] raised IllegalStateException, the ${s.counts.length - 2} cells after it not run; ${shot}`;
}

async function checkFlood(page) {
    const stall = await page.evaluateHandle(() => {
        const s = { max: 0, last: performance.now() };
        s.timer = setInterval(() => { const t = performance.now(); s.max = Math.max(s.max, t - s.last); s.last = t; }, 50);
        return s;
    });
    const t0 = Date.now();
    await runCell(page, CELL.flood);
    await waitCellDone(page, CELL.flood, 120000, 'the million-line cell done (an execution count, kernel idle)');
    const idleAfter = seconds(t0);
    const maxStall = await stall.evaluate(s => { clearInterval(s.timer); return s.max; });
    const lag = await page.evaluate(() => new Promise(resolve => {
        const t = performance.now();
        setTimeout(() => requestAnimationFrame(() => resolve(performance.now() - t)), 0);
    }));
    const shown = await page.evaluate(j => {
        const text = Jupyter.notebook.get_cell(j).output_area.element[0].innerText;
        const lines = text.split('\n');
        const numbered = lines.filter(l => /^line \d+$/.test(l));
        return { first: lines[0], lines: numbered.length, last: numbered.length ? numbered[numbered.length - 1] : '',
            truncated: (lines.find(l => /output truncated after/.test(l)) || ''),
            rate: /IOPub (data|message) rate exceeded/.test(text) };
    }, CELL.flood);
    await page.evaluate(j => {  // the picture shows the end of the output, where the notes are
        const cell = Jupyter.notebook.get_cell(j).element[0];
        const scroll = cell.querySelector('.output_scroll');
        if (scroll) scroll.scrollTop = scroll.scrollHeight;
        cell.scrollIntoView({ block: 'start' });
    }, CELL.flood);
    const shot = await screenshot(page, 'flood');
    expect(idleAfter <= FLOOD_LIMIT_S, `expected the kernel idle within ${FLOOD_LIMIT_S} s of Shift-Enter; it took `
        + `${idleAfter.toFixed(1)} s`);
    expect(lag <= RESPONSIVE_LIMIT_MS, `expected the page to answer (a timer and a frame) within ${RESPONSIVE_LIMIT_MS} ms `
        + `after the flood; it took ${lag.toFixed(0)} ms`);
    expect(shown.first === 'line 0', `expected the output to begin with 'line 0'; it begins `
        + `'${(shown.first || '').slice(0, 80)}'`);
    expect(shown.truncated || shown.rate || shown.lines === 1000000, `expected all 1,000,000 lines or a note saying `
        + `where the rest went (the kernel's 'output truncated' line or the server's 'IOPub data rate exceeded'); saw `
        + `${shown.lines} lines ending '${shown.last}' and no note`);
    const note = [shown.rate ? "the server's 'IOPub data rate exceeded'" : '',
        shown.truncated ? `the kernel's '${shown.truncated.slice(0, 60)}...'` : ''].filter(Boolean).join(' and ');
    return `idle ${idleAfter.toFixed(1)} s after Shift-Enter, page answers in ${lag.toFixed(0)} ms (longest stall `
        + `${(maxStall / 1000).toFixed(1)} s); ${shown.lines} lines shown (last '${shown.last}'), ${note}; ${shot}`;
}

async function checkInterrupt(page) {
    await runCell(page, CELL.sleep);
    await waitFor(page, "the sleeping cell running and its 'sleeping' shown", j => {
        const c = Jupyter.notebook.get_cell(j);
        return c.element.hasClass('running') && /sleeping/.test(c.output_area.element[0].innerText);
    }, 60000, CELL.sleep);
    const t0 = Date.now();
    await page.click('button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]');
    await waitCellDone(page, CELL.sleep, 60000, 'the interrupted cell done (an execution count, kernel idle)');
    const stopped = seconds(t0);
    const out = await outputText(page, CELL.sleep);
    const shot = await screenshot(page, 'interrupt', `#notebook-container .cell:nth-child(${CELL.sleep + 1})`);
    expect(stopped <= INTERRUPT_LIMIT_S, `expected the sleeping cell to end within ${INTERRUPT_LIMIT_S} s of the stop `
        + `button; it took ${stopped.toFixed(1)} s`);
    expect(!/woke up/.test(out), `expected the sleep cut short; the cell printed 'woke up'`);
    await runCell(page, CELL.after);
    await waitCellDone(page, CELL.after, 60000, 'the cell after the interrupt done');
    const after = await outputText(page, CELL.after);
    expect(/the kernel serves after the interrupt: 42/.test(after), `expected the next cell to show 'the kernel serves `
        + `after the interrupt: 42'; it shows '${after.trim().slice(0, 200)}'`);
    const why = out.split('\n').map(l => l.trim()).filter(l => l && l !== 'sleeping')[0] || '(no message)';
    return `the sleep ended ${stopped.toFixed(2)} s after the stop button ('${why.slice(0, 80)}'), the next cell ran; ${shot}`;
}

async function checkCompletion(page) {
    await editCell(page, CELL.completion);
    await page.keyboard.type('Math.sq');
    await page.keyboard.press('Tab');
    await waitFor(page, "a completion list or a completed 'Math.sqrt'", j => {
        const sel = document.querySelector('#complete select');
        return (sel && sel.options.length > 0) || /Math\.sqrt/.test(Jupyter.notebook.get_cell(j).get_text());
    }, 30000, CELL.completion);
    const seen = await page.evaluate(j => {
        const sel = document.querySelector('#complete select');
        return { options: sel ? Array.from(sel.options).map(o => o.textContent) : [],
            text: Jupyter.notebook.get_cell(j).get_text() };
    }, CELL.completion);
    const shot = await screenshot(page, 'completion', `#notebook-container .cell:nth-child(${CELL.completion + 1})`);
    await page.keyboard.press('Escape');
    const listed = seen.options.some(o => /(^|\.)sqrt\b/.test(o));
    expect(listed || /Math\.sqrt/.test(seen.text), `expected Math.sqrt offered; the list shows `
        + `[${seen.options.slice(0, 10)}], the cell reads '${seen.text}'`);
    return (listed ? `Tab lists [${seen.options.slice(0, 6).join(', ')}]` : `Tab completed the only match: '${seen.text}'`)
        + `; ${shot}`;
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
    const only = process.argv.slice(2);
    for (const c of only) {
        if (!CHECKS.includes(c)) {
            console.error(`browser: unknown check '${c}'; the checks: ${CHECKS.join(', ')}`);
            process.exit(2);
        }
    }
    const wanted = only.length ? only : CHECKS;
    const runAll = words(process.env.REPROLAB_BROWSER_RUN_ALL || '00-tour sdr');
    const untrusted = words(process.env.REPROLAB_BROWSER_UNTRUSTED || '').length
        ? words(process.env.REPROLAB_BROWSER_UNTRUSTED) : coveringNotebooks();
    if (!fs.existsSync(CHROMIUM)) {
        console.error(`browser: no ${CHROMIUM}; run ci/install.sh (it installs Debian's chromium)`);
        process.exit(2);
    }
    const { chromium } = loadPlaywright();
    const t0 = Date.now();
    const spec = kernelSpec(process.env);  // before anything is made or removed: it may stop the test
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const dirs = prepare(untrusted);
    // The kernels' temporary files (the flood's overflow file, 12 MB) go to our folder, removed at the end.
    fs.mkdirSync(path.join(dirs.tmp, 'kernel-tmp'));
    const env = { ...process.env, JUPYTER_RUNTIME_DIR: dirs.runtime, JUPYTER_CONFIG_DIR: dirs.config,
        REPROLAB_PROFILE: 'quick', REPROLAB_KERNEL_JAVA_OPTS: `${process.env.REPROLAB_KERNEL_JAVA_OPTS || ''} `
            + `-Djava.io.tmpdir=${path.join(dirs.tmp, 'kernel-tmp')}` };
    delete env.REPROLAB_NOTEBOOK_OUT;
    log(`browser: kernel ${KERNEL} from ${spec.dir} (${spec.jar}); chromium ${CHROMIUM}; `
        + `load ${os.loadavg().map(l => l.toFixed(2)).join(' ')}`);

    const server = new Server(dirs, env);
    let ctx = null;
    const consoleLines = [];
    const results = [];
    let cleaning = null;
    let stopping = false;
    const cleanup = async () => {
        if (cleaning) return cleaning;
        cleaning = (async () => {
            if (ctx) await ctx.close().catch(() => null);
            const stray = await server.stop();
            fs.writeFileSync(path.join(OUT, 'console.log'), consoleLines.join('\n') + (consoleLines.length ? '\n' : ''));
            fs.rmSync(dirs.tmp, { recursive: true, force: true });
            return stray;
        })();
        return cleaning;
    };
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(sig, () => {
            stopping = true;
            console.error(`browser: ${sig}, stopping the server, its kernels and the browser`);
            cleanup().finally(() => process.exit(130));
        });
    }

    const record = async (name, fn) => {
        if (stopping) return false;
        const t = Date.now();
        try {
            const detail = await fn();
            results.push({ name, ok: true });
            log(`browser: ok   ${name.padEnd(24)} ${seconds(t).toFixed(1).padStart(5)} s  ${detail}`);
            return true;
        } catch (e) {
            results.push({ name, ok: false });
            if (stopping) {
                log(`browser: FAIL ${name.padEnd(24)} ${seconds(t).toFixed(1).padStart(5)} s  stopped by a signal`);
                return false;
            }
            const msg = e instanceof CheckFailed ? e.message : (e.stack || String(e));
            log(`browser: FAIL ${name.padEnd(24)} ${seconds(t).toFixed(1).padStart(5)} s  ${msg}`);
            return false;
        }
    };

    try {
        await record('server', async () => {
            await server.start();
            // HOME too: Debian's chromium keeps crash reports under ~/.config/chromium whatever the profile
            const home = dirs.home;
            const browserEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'),
                XDG_CACHE_HOME: path.join(home, '.cache') };
            ctx = await chromium.launchPersistentContext(dirs.profile, { executablePath: CHROMIUM, headless: true,
                env: browserEnv,
                args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 900 }, timeout: 60000,
                handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });  // cleanup() closes it
            ctx.setDefaultTimeout(30000);
            for (const p of ctx.pages()) await p.close();
            return `Jupyter Notebook on 127.0.0.1:${server.port} serving a copy of notebooks/, chromium `
                + `${ctx.browser() ? ctx.browser().version() : ''}`;
        });
        if (ctx && wanted.includes('run-all')) {
            for (const id of runAll) await record(`run-all ${id}`, () => checkRunAll(ctx, server, id, consoleLines));
        }
        if (ctx && wanted.includes('untrusted')) {
            const outcomes = new Set();
            for (const id of untrusted) {
                await record(`untrusted ${id}`, () => checkUntrusted(ctx, server, id, consoleLines, outcomes));
            }
            await record('untrusted coverage', async () => {
                const missing = Object.keys(COLOURS).filter(o => !outcomes.has(o));
                expect(!missing.length, `expected the untrusted notebooks (${untrusted.join(', ')}) to show PASS, FAIL and `
                    + `INCONCLUSIVE badges between them; they show no ${missing.join(', ')} badge`);
                return 'PASS, FAIL and INCONCLUSIVE badges each seen in an untrusted notebook';
            });
        }
        const scratch = ['stop-on-error', 'flood', 'interrupt', 'completion'].filter(c => wanted.includes(c));
        if (ctx && scratch.length) {
            let page = null;
            const ready = await record('open browser-checks', async () => {
                page = await openNotebook(ctx, server, 'browser-checks.ipynb', consoleLines);
                return 'scratch notebook open, kernel idle';
            });
            if (ready) {
                const fns = { 'stop-on-error': checkStopOnError, flood: checkFlood, interrupt: checkInterrupt,
                    completion: checkCompletion };
                for (const c of scratch) {
                    // each check starts from an idle kernel, whatever the one before left
                    await page.waitForFunction(IDLE, null, { timeout: 60000, polling: 100 }).catch(() => null);
                    await record(c, () => fns[c](page));
                }
                await page.close();
                await server.shutdownKernelOf('browser-checks.ipynb');
            }
        }
    } finally {
        const t = Date.now();
        const stray = await cleanup();
        log(`browser: stopped the server and ${stray ? `${stray} kernel process(es) it left` : 'its kernels'}, `
            + `the browser (${seconds(t).toFixed(1)} s)`);
    }
    const failed = results.filter(r => !r.ok);
    log(`browser: ${results.length - failed.length} passed, ${failed.length} failed in ${seconds(t0).toFixed(1)} s `
        + `(load ${os.loadavg().map(l => l.toFixed(2)).join(' ')}); screenshots and logs in ${path.relative(ROOT, OUT)}/`
        + (consoleLines.length ? ` (the browser's console: ${consoleLines.length} warnings and errors in console.log)` : ''));
    return failed.length ? 1 : 0;
}

main().then(code => process.exit(code), e => {
    console.error(`browser: ${e.stack || e}`);
    process.exit(1);
});
