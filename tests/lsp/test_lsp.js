'use strict';
// `xxgk lsp` as an editor meets it: the real binary as a subprocess, driven by the LSP client
// library VS Code itself uses (vscode-languageserver-protocol over vscode-jsonrpc, vendored in
// node_modules/). Every message exchanged is written to a transcript.
//   usage: node test_lsp.js XXGK CORPUS_DIR TRANSCRIPT
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const assert = require('assert/strict');
const lsp = require('vscode-languageserver-protocol/node');

const [xxgk, corpus, transcriptPath] = process.argv.slice(2);
if (!transcriptPath) {
    console.error('usage: node test_lsp.js XXGK CORPUS_DIR TRANSCRIPT');
    process.exit(2);
}

const seedText = fs.readFileSync(path.join(corpus, 'seeds', '000_704cb6b2f54004eb.txt'), 'utf8');
const seedUri = 'file:///reports/000_704cb6b2f54004eb.txt';
// The seed with a line that mixes CJK, ASCII and a character outside the BMP (U+20000, two
// UTF-16 units, four UTF-8 bytes) before a figure the prose gets wrong: the text says 7
// applications, the table 6, which is XG4001 on the "7".
const mixedText = seedText
    .replace('(二)规范依申请公开事项办理。', '(二)规范𠀀依申请公开ABC办理。')
    .replace('我区共受理依申请公开6件', '我区共受理依申请公开7件');
assert.notEqual(mixedText, seedText);
const mixedUri = 'file:///reports/mixed.txt';
const mixedLine = 13;  // 0-based
const mixedPrefix = mixedText.split('\n')[mixedLine].split('7件')[0];

// What `prefix` counts in each position encoding.
const units = {
    'utf-8': (s) => Buffer.byteLength(s, 'utf8'),
    'utf-16': (s) => s.length,
    'utf-32': (s) => [...s].length,
};

// ---- the transcript

const transcript = [];
// Long strings (a whole report, padding) are cut so that the transcript stays readable.
function abbreviate(message) {
    return JSON.stringify(message, (key, value) =>
        typeof value === 'string' && value.length > 600 ? `${value.slice(0, 60)}…(${value.length} characters)` : value);
}
function record(session, direction, text) {
    transcript.push(`${session} ${direction} ${text}`);
}

// ---- one client session against one server process

class Session {
    constructor(name, args = []) {
        this.name = name;
        this.child = spawn(xxgk, ['lsp', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.stderr = '';
        this.child.stderr.on('data', (d) => { this.stderr += d; });
        this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
        this.published = [];      // every publishDiagnostics, in order
        this.logs = [];           // window/logMessage texts
        this.libraryErrors = [];  // what the client library logged (responses it could not match)
        this.waiters = [];

        const reader = new lsp.StreamMessageReader(this.child.stdout);
        const writer = new lsp.StreamMessageWriter(this.child.stdin);
        const tappedReader = {
            onError: reader.onError, onClose: reader.onClose, onPartialMessage: reader.onPartialMessage,
            listen: (callback) => reader.listen((m) => { record(name, '<-', abbreviate(m)); callback(m); }),
            dispose: () => reader.dispose(),
        };
        const tappedWriter = {
            onError: writer.onError, onClose: writer.onClose,
            write: (m) => { record(name, '->', abbreviate(m)); return writer.write(m); },
            end: () => writer.end(), dispose: () => writer.dispose(),
        };
        const logger = {
            error: (m) => this.libraryErrors.push(m), warn: (m) => this.libraryErrors.push(m), info: () => {}, log: () => {},
        };
        this.connection = lsp.createProtocolConnection(tappedReader, tappedWriter, logger);
        this.connection.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
            this.published.push(p);
            this.waiters = this.waiters.filter((w) => !w(p));
        });
        this.connection.onNotification(lsp.LogMessageNotification.type, (p) => this.logs.push(p.message));
        this.connection.listen();
    }

    async initialize(capabilities, locale) {
        const result = await this.connection.sendRequest(lsp.InitializeRequest.type,
            { processId: process.pid, rootUri: null, capabilities, locale });
        await this.connection.sendNotification(lsp.InitializedNotification.type, {});
        return result;
    }

    // The diagnostics published for `uri` at `version`, whether they came already or are still to come.
    diagnostics(uri, version) {
        const done = this.published.find((p) => p.uri === uri && p.version === version);
        if (done) return Promise.resolve(done.diagnostics);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${this.name}: no diagnostics for ${uri} version ${version}`)), 10000);
            this.waiters.push((p) => {
                if (p.uri !== uri || (version !== undefined && p.version !== version)) return false;
                clearTimeout(timer);
                resolve(p.diagnostics);
                return true;
            });
        });
    }

    open(uri, text, version = 1) {
        return this.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type,
            { textDocument: { uri, languageId: 'plaintext', version, text } });
    }

    change(uri, version, contentChanges) {
        return this.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type,
            { textDocument: { uri, version }, contentChanges });
    }

    // Bytes straight onto the server's input, beside the library: what a broken client might send.
    raw(bytes, label) {
        record(this.name, '->', `(raw) ${label ?? JSON.stringify(bytes.toString())}`);
        return new Promise((resolve) => this.child.stdin.write(bytes, resolve));
    }

    async shutdown() {
        const result = await this.connection.sendRequest(lsp.ShutdownRequest.type);
        assert.equal(result, null);
        await this.connection.sendNotification(lsp.ExitNotification.type);
        const code = await this.exited;
        record(this.name, '--', `server exited with code ${code}`);
        this.connection.dispose();
        return code;
    }
}

function frame(text) {
    const body = Buffer.from(text, 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

async function expectError(promise, code, what) {
    await assert.rejects(promise, (e) => {
        assert.ok(e instanceof lsp.ResponseError, `${what}: not a ResponseError: ${e}`);
        assert.equal(e.code, code, `${what}: error code ${e.code} (${e.message})`);
        return true;
    }, what);
}

const at = (line, character) => ({ line, character });
const range = (l1, c1, l2, c2) => ({ start: at(l1, c1), end: at(l2, c2) });
const only = (diagnostics, code) => diagnostics.filter((d) => d.code === code);

// The seed's one error: （七）总计 自然人 and 总计 read 0 where the identities need 6
// (line 504 and 516 of the file, 0-based 503 and 515).
function checkSeedError(diagnostics, encoding, lang) {
    assert.equal(diagnostics.length, 1, `${encoding}: one diagnostic, got ${JSON.stringify(diagnostics)}`);
    const [d] = diagnostics;
    assert.equal(d.code, 'XG2001');
    assert.equal(d.severity, lsp.DiagnosticSeverity.Error);
    assert.equal(d.source, 'xxgk');
    assert.deepEqual(d.range, range(503, 0, 503, 1), `${encoding}: range`);
    assert.match(d.message, lang === 'zh' ? /（七）总计 · 自然人、总计分别填为0、0/ : /（七）总计 · 自然人、总计 read 0、0/);
    // The cells of the failed sums: 一 (line 154) and 二 (line 170) among them.
    const lines = d.relatedInformation.map((r) => r.location.range.start.line);
    assert.ok(lines.includes(153) && lines.includes(169), `${encoding}: related lines ${lines}`);
    assert.ok(d.relatedInformation.every((r) => r.location.uri === seedUri && r.message.length > 0));
}

// The mixed line: the XG4001 warning starts after the prefix, counted in `encoding`; an edit at
// that position, in that encoding, repairs it.
async function checkMixedLine(session, encoding, getDiagnostics) {
    await session.open(mixedUri, mixedText);
    const before = only(await getDiagnostics(mixedUri, 1), 'XG4001');
    assert.equal(before.length, 1, `${encoding}: XG4001 on the mixed line`);
    const column = units[encoding](mixedPrefix);
    assert.deepEqual(before[0].range, range(mixedLine, column, mixedLine, column + 1), `${encoding}: columns`);
    await session.change(mixedUri, 2, [{ range: range(mixedLine, column, mixedLine, column + 1), text: '6' }]);
    assert.equal(only(await getDiagnostics(mixedUri, 2), 'XG4001').length, 0, `${encoding}: the edit at the column repairs it`);
    return column;
}

const results = [];
function passed(what) {
    results.push(what);
    console.log(`ok  ${what}`);
}

async function mainSession() {
    const s = new Session('utf-16');
    const init = await s.initialize({ textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } }, 'en');
    assert.equal(init.capabilities.positionEncoding, 'utf-16');
    assert.equal(init.capabilities.textDocumentSync.change, lsp.TextDocumentSyncKind.Incremental);
    assert.ok(init.capabilities.hoverProvider && init.capabilities.codeActionProvider && init.capabilities.diagnosticProvider);
    assert.equal(init.serverInfo.name, 'xxgk');
    passed('initialize: capabilities, utf-16 when the client offers no other encoding');

    await s.open(seedUri, seedText);
    checkSeedError(await s.diagnostics(seedUri, 1), 'utf-16', 'en');
    passed('didOpen seed 000: the blamed XG2001 at 503:0 with its related cells');

    // By hand: （七）总计 · 自然人 to 6 leaves 总计 blamed alone; 总计 to 6 as well clears all.
    await s.change(seedUri, 2, [{ range: range(503, 0, 503, 1), text: '6' }]);
    const half = await s.diagnostics(seedUri, 2);
    assert.equal(half.length, 1);
    assert.deepEqual(half[0].range, range(515, 0, 515, 1));
    await s.change(seedUri, 3, [{ range: range(515, 0, 515, 1), text: '6' }]);
    assert.deepEqual(await s.diagnostics(seedUri, 3), []);
    passed('incremental edits: 504 to 6 moves the error to 516; 516 to 6 clears the diagnostics');

    await s.change(seedUri, 4, [{ text: seedText }]);
    checkSeedError(await s.diagnostics(seedUri, 4), 'utf-16', 'en');
    passed('full sync back to the original text: the error is back');

    const actions = await s.connection.sendRequest(lsp.CodeActionRequest.type, {
        textDocument: { uri: seedUri }, range: range(503, 0, 503, 0),
        context: { diagnostics: await s.diagnostics(seedUri, 4), only: ['quickfix'] },
    });
    assert.equal(actions.length, 1, 'one action applies both fixes');
    const [action] = actions;
    assert.equal(action.kind, 'quickfix');
    assert.match(action.title, /change （七）总计 · 自然人 from 0 to 6; change （七）总计 · 总计 from 0 to 6/);
    const edits = action.edit.changes[seedUri];
    assert.deepEqual(edits, [{ range: range(503, 0, 503, 1), newText: '6' }, { range: range(515, 0, 515, 1), newText: '6' }]);
    // As an editor applies a WorkspaceEdit: every range refers to the text before the edit, so the
    // changes go in from the end of the document.
    const changes = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
        .map((e) => ({ range: e.range, text: e.newText }));
    await s.change(seedUri, 5, changes);
    assert.deepEqual(await s.diagnostics(seedUri, 5), []);
    passed('code action: one quick fix with both edits; applied, the diagnostics clear');

    const none = await s.connection.sendRequest(lsp.CodeActionRequest.type, {
        textDocument: { uri: seedUri }, range: range(503, 0, 503, 0), context: { diagnostics: [] } });
    assert.deepEqual(none, []);

    const hover = await s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: seedUri }, position: at(503, 0) });
    assert.equal(hover.contents.kind, 'markdown');
    for (const expected of ['（七）总计 · 自然人', '`applications`', '`3.7`', '`natural`', 'value: 6', 'XG2001 T3-BAL', 'XG2002 T3-OUT', 'XG2003 T3-COL'])
        assert.ok(hover.contents.value.includes(expected), `hover has ${expected}: ${hover.contents.value}`);
    assert.deepEqual(hover.range, range(503, 0, 503, 1));
    assert.equal(await s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: seedUri }, position: at(0, 0) }), null);
    passed('hover on a cell: table, row and column labels and ids, value, identities; null off the cells');

    const pulled = await s.connection.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri: seedUri } });
    assert.equal(pulled.kind, 'full');
    assert.deepEqual(pulled.items, []);
    const again = await s.connection.sendRequest(lsp.DocumentDiagnosticRequest.type,
        { textDocument: { uri: seedUri }, previousResultId: pulled.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: pulled.resultId });
    await s.change(seedUri, 6, [{ text: seedText }]);
    const pulledError = await s.connection.sendRequest(lsp.DocumentDiagnosticRequest.type,
        { textDocument: { uri: seedUri }, previousResultId: pulled.resultId });
    assert.equal(pulledError.kind, 'full');
    checkSeedError(pulledError.items, 'utf-16 pull', 'en');
    passed('pull diagnostics: full, unchanged for the same result id, full again after an edit');

    const column = await checkMixedLine(s, 'utf-16', (uri, version) => s.diagnostics(uri, version));
    passed(`mixed line: XG4001 at character ${column} in utf-16`);

    // CRLF line ends: the same lines, and edits at the end of a line stop before its CR.
    const crlfUri = 'file:///reports/000.crlf.txt';
    await s.open(crlfUri, fs.readFileSync(path.join(corpus, 'encodings', '000.crlf.txt'), 'utf8'));
    const crlf = await s.diagnostics(crlfUri, 1);
    assert.equal(crlf.length, 1);
    assert.deepEqual(crlf[0].range, range(503, 0, 503, 1));
    await s.change(crlfUri, 2, [{ range: range(515, 0, 515, 99), text: '6' }, { range: range(503, 0, 503, 1), text: '6' }]);
    assert.deepEqual(await s.diagnostics(crlfUri, 2), []);
    await s.connection.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri: crlfUri } });
    passed('CRLF line ends: the error at 503:0; a range past the end of line 516 stops at its end');

    // Rapid edits: fifty changes in one write. Only the latest text needs diagnostics; the ones
    // before it are superseded, not queued.
    await s.diagnostics(seedUri, 6);
    const publishedBefore = s.published.filter((p) => p.uri === seedUri).length;
    const burst = [];
    for (let v = 7; v <= 56; ++v)
        burst.push(frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: {
            textDocument: { uri: seedUri, version: v },
            contentChanges: [{ range: range(503, 0, 503, 1), text: String(v % 10) }] } })));
    burst.push(frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: {
        textDocument: { uri: seedUri, version: 57 }, contentChanges: [{ range: range(503, 0, 503, 1), text: '6' },
            { range: range(515, 0, 515, 1), text: '6' }] } })));
    await s.raw(Buffer.concat(burst), '51 didChange messages (versions 7 to 57) in one write');
    assert.deepEqual(await s.diagnostics(seedUri, 57), []);
    const burstPublished = s.published.filter((p) => p.uri === seedUri).slice(publishedBefore);
    assert.ok(burstPublished.length < 51, `${burstPublished.length} publications for 51 edits`);
    assert.equal(burstPublished.at(-1).version, 57);
    passed(`rapid edits: 51 changes in one write, ${burstPublished.length} publication(s), of the latest version`);

    // Garbage: a line that is no header, bad JSON, JSON that is no message, a bad length.
    const logsBefore = s.logs.length;
    await s.raw(Buffer.from('this is not an LSP header\r\n\r\n'));
    await s.raw(frame('{bad json'));
    await s.raw(frame('[1, 2, 3]'));
    await s.raw(Buffer.from('Content-Length: twelve\r\n\r\n'));
    await s.raw(Buffer.concat([Buffer.from('junk before the header '), frame('{"jsonrpc": "2.0", "method": "$/noSuchNotification"}')]));
    await expectError(s.connection.sendRequest('xxgk/noSuchMethod', {}), lsp.ErrorCodes.MethodNotFound, 'unknown method');
    await expectError(s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: 'file:///not/open.txt' }, position: at(0, 0) }),
        lsp.LSPErrorCodes.RequestFailed, 'a document that is not open');
    await expectError(s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: seedUri } }),
        lsp.ErrorCodes.InvalidParams, 'a request without its position');
    let deep = [];
    for (let i = 0; i < 1000; ++i) deep = [deep];
    await expectError(s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: seedUri }, position: at(0, 0), deep }),
        lsp.ErrorCodes.InvalidRequest, 'JSON nested 1000 levels deep');
    assert.ok(s.logs.length - logsBefore >= 3, `garbage logged: ${s.logs.slice(logsBefore)}`);
    assert.ok(s.libraryErrors.some((e) => e.includes('-32700')), 'bad JSON answered with a parse error');
    assert.ok(s.libraryErrors.some((e) => e.includes('-32600')), 'a non-message answered with an invalid request');
    passed('garbage headers, bad JSON, a non-message, unknown method, unopened document, missing params, JSON nested 1000 deep: errors, and the server serves on');

    // A request larger than the limit (16 MiB) is read past and answered with an error.
    const padding = 'x'.repeat(16 * 1024 * 1024);
    await expectError(s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: seedUri }, position: at(503, 0), padding }),
        lsp.ErrorCodes.InvalidRequest, 'an oversized request');
    const still = await s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: seedUri }, position: at(503, 0) });
    assert.ok(still.contents.value.includes('`3.7`'));
    passed('oversized request (16 MiB + ~100 bytes): InvalidRequest to its id, and the next request is answered');

    await s.connection.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri: mixedUri } });
    assert.deepEqual(await s.diagnostics(mixedUri, undefined), []);
    passed('didClose clears the diagnostics of the document');

    const shutdownResult = await s.connection.sendRequest(lsp.ShutdownRequest.type);
    assert.equal(shutdownResult, null);
    await expectError(s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: seedUri }, position: at(503, 0) }),
        lsp.ErrorCodes.InvalidRequest, 'a request after shutdown');
    await s.connection.sendNotification(lsp.ExitNotification.type);
    assert.equal(await s.exited, 0);
    record(s.name, '--', 'server exited with code 0');
    s.connection.dispose();
    passed('shutdown, a request after it refused, exit: exit code 0');
    return column;
}

async function encodingSession(encoding, offered, { pull = false, args = [], locale = 'en', lang = 'en', versioned = false } = {}) {
    const s = new Session(encoding, args);
    const capabilities = { general: { positionEncodings: offered } };
    if (versioned) capabilities.workspace = { workspaceEdit: { documentChanges: true } };
    if (pull) capabilities.textDocument = { diagnostic: { dynamicRegistration: false } };
    const init = await s.initialize(capabilities, locale);
    assert.equal(init.capabilities.positionEncoding, encoding);
    const getDiagnostics = pull
        ? async (uri) => (await s.connection.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } })).items
        : (uri, version) => s.diagnostics(uri, version);
    await s.open(seedUri, seedText);
    checkSeedError(await getDiagnostics(seedUri, 1), encoding, lang);
    if (versioned) {
        // A client that takes versioned edits gets one, so that it can refuse a stale fix.
        const [action] = await s.connection.sendRequest(lsp.CodeActionRequest.type,
            { textDocument: { uri: seedUri }, range: range(503, 0, 503, 1), context: { diagnostics: [] } });
        assert.deepEqual(action.edit.documentChanges[0].textDocument, { uri: seedUri, version: 1 });
        assert.equal(action.edit.documentChanges[0].edits.length, 2);
        // No markdown among the client's hover formats: plain text, in the session's language.
        const hover = await s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri: seedUri }, position: at(515, 0) });
        assert.equal(hover.contents.kind, 'plaintext');
        assert.ok(hover.contents.value.includes('行：（七）总计 (3.7)') && hover.contents.value.includes('列：总计 (total)'), hover.contents.value);
    }
    const column = await checkMixedLine(s, encoding, getDiagnostics);
    if (pull) assert.equal(s.published.length, 0, 'a client that pulls gets no pushed diagnostics');
    assert.equal(await s.shutdown(), 0);
    passed(`${encoding} (client offers ${offered.join(', ')}${pull ? '; pulls' : ''}; messages ${lang}): seed error at 503:0, XG4001 at character ${column}` +
        (versioned ? '; versioned quick fix; plain-text hover' : ''));
    return column;
}

async function main() {
    const columns = {};
    columns['utf-16'] = await mainSession();
    columns['utf-8'] = await encodingSession('utf-8', ['utf-8', 'utf-16'], { locale: 'zh-CN', lang: 'zh', versioned: true });
    columns['utf-32'] = await encodingSession('utf-32', ['utf-32', 'utf-16'], { pull: true, args: ['--lang', 'zh'], lang: 'zh' });
    // U+20000 is 4 bytes, 2 UTF-16 units, 1 code point; the line has CJK (3/1/1) and ASCII (1/1/1).
    assert.ok(columns['utf-8'] > columns['utf-16'] && columns['utf-16'] === columns['utf-32'] + 1);
    passed(`columns of the XG4001 on the mixed line: utf-8 ${columns['utf-8']}, utf-16 ${columns['utf-16']}, utf-32 ${columns['utf-32']}`);
}

main().then(() => {
    fs.writeFileSync(transcriptPath, transcript.join('\n') + '\n');
    console.log(`${results.length} passed; transcript in ${transcriptPath}`);
    process.exit(0);
}, (e) => {
    fs.writeFileSync(transcriptPath, transcript.join('\n') + '\n');
    console.error(`FAIL: ${e.stack ?? e}`);
    console.error(`transcript in ${transcriptPath}`);
    process.exit(1);
});
