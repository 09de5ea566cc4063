package content_test

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/content"
)

// yamlProblems validates the tiny glossary pack with a glossary of text.
func yamlProblems(t *testing.T, text string) string {
	t.Helper()
	probs, _ := content.Validate(tinyPack(text))
	return fmt.Sprint(probs)
}

// A YAML file is measured before it is parsed, following its quoted texts,
// block texts and comments as YAML does: brackets inside a text are text;
// 16 levels of [..], {..} or "- " are read and 17 refused; 50,000 items
// in [..] lists are read and more refused; a text of 16 KB is read and a
// longer one refused.
func TestYAMLShapeLimits(t *testing.T) {
	sp := strings.Repeat
	open := func(n int) string { return sp("[", n) + sp("]", n) }
	const deep = "nests more than 16 levels deep"
	const many = "hold more than 50000 items in all"
	for _, c := range []struct {
		name, yaml, want string // want "" for neither shape problem
	}{
		{"16 brackets", "x: " + open(16) + "\n", ""},
		{"17 brackets", "x: " + open(17) + "\n", "glossary.yaml:1: " + deep},
		{"17 braces", "x: " + sp("{a: ", 17) + "1" + sp("}", 17) + "\n", deep},
		{"17 brackets in double quotes", `x: "` + open(17) + `"` + "\n", ""},
		{"17 brackets after an escaped quote", `x: "say \" ` + open(17) + `"` + "\n", ""},
		{"17 brackets in single quotes", "x: '" + open(17) + "'\n", ""},
		{"17 brackets after a doubled single quote", "x: 'it''s " + open(17) + "'\n", ""},
		{"17 brackets after a colon in double quotes", `x: "see: ` + open(17) + `"` + "\n", ""},
		{"17 brackets after a colon in single quotes", "x: 'see: " + open(17) + "'\n", ""},
		{"17 brackets after a doubled single quote and a colon", "x: 'it''s: " + open(17) + "'\n", ""},
		{"17 brackets after a closed quote, in a list", `x: ["a", ` + open(17) + "]\n", deep},
		{"17 brackets after a closed single quote, in a list", "x: ['a', " + open(17) + "]\n", deep},
		{"17 brackets in a comment", "x: 1 # " + open(17) + "\n", ""},
		{"17 brackets in a block text", "x: |\n  " + open(17) + "\n  more\n", ""},
		{"17 brackets in a folded text", "x: >\n  " + open(17) + "\n", ""},
		{"17 brackets after a block text ends", "x: |\n  text\n\ny: " + open(17) + "\n", "glossary.yaml:4: " + deep},
		{"17 brackets after an indented block text ends", "a:\n  x: |\n    text\n  y: " + open(17) + "\n", "glossary.yaml:4: " + deep},
		{"17 brackets after a tag", "x: !t " + open(17) + "\n", deep},
		{"17 brackets after an anchor", "x: &anchor " + open(17) + "\n", deep},
		{"16 dashes", sp("- ", 16) + "x\n", ""},
		{"17 dashes", sp("- ", 17) + "x\n", "glossary.yaml:1: " + deep},
		{"16 dashes and one ending the line", sp("- ", 16) + "-\n", deep},
		{"17 dashes, trailing spaces", sp("- ", 17) + "\n", deep},
		{"17 dashes, wide spaced", sp("-   ", 17) + "x\n", deep},
		{"17 question marks", sp("? ", 17) + "x\n", deep},
		{"17 dashes glued to words", sp("-x ", 17) + "\n", ""},
		{"50,000 items", "x: [" + sp("1,", 50000) + "1]\n", ""},
		{"50,001 items", "x: [" + sp("1,", 50001) + "1]\n", "glossary.yaml:1: lists in [..] or {..} " + many},
		{"50,001 items in quotes", `x: "[` + sp("1,", 50001) + `1]"` + "\n", ""},
	} {
		got := yamlProblems(t, c.yaml)
		shaped := strings.Contains(got, deep) || strings.Contains(got, many)
		if c.want == "" && shaped || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: want %q; problems:\n%.600s", c.name, c.want, got)
		}
	}
}

// A text of 16 KiB is read; one byte more is refused. (A block text of
// short lines: a single line that long is refused as a line.)
func TestYAMLTextLimit(t *testing.T) {
	for _, n := range []int{16 << 10, 16<<10 + 1} {
		// 99 letters and a line break, over and over, then the rest
		block := strings.Repeat("  "+strings.Repeat("a", 99)+"\n", n/100) + "  " + strings.Repeat("a", n%100-1) + "\n"
		got := yamlProblems(t, "x: |\n"+block)
		if refused := strings.Contains(got, "keep each text under 16 KiB"); refused != (n > 16<<10) {
			t.Errorf("a text of %d bytes: refused %v:\n%.300s", n, refused, got)
		}
	}
}
