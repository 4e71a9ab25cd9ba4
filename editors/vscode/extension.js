'use strict';
// The xxgk extension: runs `xxgk lsp` for report files, so that VS Code shows the diagnostics
// as the report is typed, offers their fixes as quick fixes (Ctrl+.), and describes a table
// cell on hover. All the work is the server's; this only starts it.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
    const config = vscode.workspace.getConfiguration('xxgk');
    const args = ['lsp'];
    if (config.get('lang')) args.push('--lang', config.get('lang'));
    const executable = { command: config.get('path'), args };
    client = new LanguageClient('xxgk', 'xxgk', { run: executable, debug: executable }, {
        documentSelector: [{ scheme: 'file', pattern: config.get('files') }],
    });
    context.subscriptions.push(client);
    return client.start();
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
