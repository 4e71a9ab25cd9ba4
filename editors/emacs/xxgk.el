;;; xxgk.el --- xxgk in Emacs: eglot, flymake and compilation-mode  -*- lexical-binding: t; -*-

;; Put this in your init file (or load it).  Eglot is built into Emacs 29; on Emacs 26-28
;; install it first (M-x package-install RET eglot, or Debian's elpa-eglot).

;; `M-x eglot' in a report starts `xxgk lsp'.  Diagnostics arrive through flymake as you type
;; (M-x flymake-show-buffer-diagnostics lists them), `M-x eglot-code-actions' on one applies
;; its fix, and eldoc shows the table cell at point.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((text-mode markdown-mode) . ("xxgk" "lsp"))))

;; Without a server, M-x compile RET xxgk check --format gcc -q report.txt RET gives a
;; *compilation* buffer that compilation-mode reads as it reads gcc (next-error, M-g n).  xxgk
;; counts columns in characters; Emacs reads them as screen columns (a CJK character is two)
;; unless told otherwise:
(setq compilation-error-screen-columns nil)

;;; xxgk.el ends here
