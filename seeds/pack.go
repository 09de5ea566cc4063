package seeds

import (
	"fmt"
	"io/fs"
	"sync"

	"studyguide/content"
)

// Pack is the built-in study pack, loaded once per process and never
// changed after. It comes from the compiled form in pack_gen.go, which
// needs no parsing; should the files in FS differ from the ones it was
// generated from (pack_gen.go not regenerated after an edit, which a test
// reports), it is loaded from FS instead, so what is shown is always what
// the files say.
var Pack = sync.OnceValues(func() (*content.Pack, error) {
	p, err := load(FS, compiled)
	if err != nil {
		return nil, fmt.Errorf("the built-in study pack is broken:\n%w", err)
	}
	return p, nil
})

// load is the pack in fsys: c rebuilt when c was generated from exactly
// these files, otherwise loaded from them.
func load(fsys fs.FS, c *content.Compiled) (*content.Pack, error) {
	if fp, err := content.Fingerprint(fsys, c.Files); err == nil && fp == c.Fingerprint {
		return c.Pack()
	}
	return content.Load(fsys)
}
