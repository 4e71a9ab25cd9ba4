" Vim compiler file for xxgk: `:compiler xxgk`, then `:make %` (this report) or `:make reports/`,
" and `:copen` for the list. Copy to ~/.vim/compiler/xxgk.vim.
" Vim's quickfix columns are byte columns, hence --column-unit byte. The note lines point at
" the cells that take part in a failed sum and at the fixes.
if exists('current_compiler')
  finish
endif
let current_compiler = 'xxgk'

CompilerSet makeprg=xxgk\ check\ --format\ gcc\ --column-unit\ byte\ -q
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m
