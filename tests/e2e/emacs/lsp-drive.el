;;; lsp-drive.el --- batch Emacs 28 + eglot driver (recipe: ../shared/research/real-clients.md)
;; Env: SMTPLSP_SNIPPET (the README's init.el snippet), LSP_FILE, LSP_OUT, LSP_HOVER "line:col" (0-based),
;; LSP_TIMEOUT (seconds). Writes JSON lines to LSP_OUT; exits 0 when every step ran.
(require 'package)  ; -Q drops site-lisp from load-path, so point package.el at Debian's elpa-*
(setq package-directory-list (list "/usr/share/emacs/site-lisp/elpa")) (package-initialize)
(require 'eglot) (require 'json)
(load (getenv "SMTPLSP_SNIPPET"))
(defvar drv-timeout (string-to-number (or (getenv "LSP_TIMEOUT") "30")))
(defvar drv-failed nil)
(defun drv-emit (kind val)
  (write-region (concat (json-encode `((kind . ,kind) (value . ,val))) "\n") nil (getenv "LSP_OUT") 'append 'silent))
(defun drv-wait (pred)
  (let ((end (+ (float-time) drv-timeout)))
    (while (and (not (funcall pred)) (< (float-time) end)) (accept-process-output nil 0.05))
    (funcall pred)))
(defun drv-goto (spec)
  (let ((lc (mapcar #'string-to-number (split-string spec ":"))))
    (goto-char (point-min)) (forward-line (car lc)) (forward-char (cadr lc))))
(setq eglot-sync-connect drv-timeout)
(condition-case err
    (progn
      (when (file-exists-p (getenv "LSP_OUT")) (delete-file (getenv "LSP_OUT")))
      (find-file (getenv "LSP_FILE"))
      (drv-emit "major-mode" (symbol-name major-mode))
      (run-hooks 'post-command-hook)              ; eglot-ensure connects from post-command-hook
      (unless (drv-wait (lambda () (eglot-current-server))) (error "server did not start"))
      (drv-emit "initialized" t)
      (flymake-start)                              ; deferred start never fires in batch
      (drv-emit "diagnostics"
                (if (drv-wait #'flymake-diagnostics)
                    (vconcat (mapcar (lambda (d) `((line . ,(1- (line-number-at-pos (flymake-diagnostic-beg d))))
                                                   (text . ,(flymake-diagnostic-text d))))
                                     (flymake-diagnostics)))
                  "none within timeout"))
      (when (getenv "LSP_HOVER")
        (drv-goto (getenv "LSP_HOVER"))
        (drv-emit "hover" (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                           (eglot--TextDocumentPositionParams)))))
  (error (setq drv-failed t) (drv-emit "error" (format "%S" err))))
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs (if drv-failed 1 0))
