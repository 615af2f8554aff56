;; The README's eglot snippet with the Exchange hints off (initializationOptions).
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(nxml-mode . ("smtplsp" "--stdio" :initializationOptions (:exchangeHints :json-false)))))
(add-hook 'nxml-mode-hook #'eglot-ensure)
