;; SmtpLsp in Emacs 28+ with eglot: put `smtplsp` on your PATH and this in init.el.
;; The server recognises metabase files by content, so any nxml buffer may use it.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(nxml-mode . ("smtplsp" "--stdio"))))
(add-hook 'nxml-mode-hook #'eglot-ensure)
