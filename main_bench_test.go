package main

import (
	"testing"

	"studyguide/content"
	"studyguide/seeds"
)

// BenchmarkLoadPack is the built-in pack loaded and checked at start-up:
// the essay parsed into paragraphs, the glossary's occurrences found, the
// quiz passages and guide quotes checked against their paragraphs.
func BenchmarkLoadPack(b *testing.B) {
	for b.Loop() {
		if _, err := content.Load(seeds.FS); err != nil {
			b.Fatal(err)
		}
	}
}
