// Package seeds holds the built-in study pack: the essay exactly as published
// (the source of truth), its markdown form with chapter breaks, and the pack
// metadata. It is embedded so the binary needs no files at run time, and
// compiled (pack_gen.go, made by go generate from the same files) so the
// program starts without parsing it.
package seeds

import "embed"

// FS is the built-in pack, laid out like a pack directory on disk.
//
//go:embed pack.yaml mass-organizations-and-ngos.txt article.md glossary.yaml quiz.yaml scenarios.yaml guide.yaml
var FS embed.FS

//go:generate go run ./gen
