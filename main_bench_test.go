package main

import (
	"bytes"
	"testing"

	"studyguide/content"
	"studyguide/seeds"
)

// BenchmarkLoadPack is a pack loaded and checked from its files, as an
// outside pack (--pack DIR) is: the essay parsed into paragraphs, the
// glossary's occurrences found, the quiz passages and guide quotes checked
// against their paragraphs. The built-in pack starts from its compiled form
// instead (seeds.BenchmarkBuiltinPack).
func BenchmarkLoadPack(b *testing.B) {
	for b.Loop() {
		if _, err := content.Load(seeds.FS); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrintCommand is `studyguide print -w 80` into a pipe, as the
// command runs it after the program has started: the command line parsed,
// the built-in pack, the whole essay as plain text.
func BenchmarkPrintCommand(b *testing.B) {
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		cmd := newRootCmd()
		cmd.SetOut(&out)
		cmd.SetArgs([]string{"print", "-w", "80"})
		if err := cmd.Execute(); err != nil {
			b.Fatal(err)
		}
	}
	if out.Len() < 30000 {
		b.Fatalf("print wrote %d bytes", out.Len())
	}
}
