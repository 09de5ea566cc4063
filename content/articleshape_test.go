package content_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

// articleProblems validates a one-chapter pack whose article has line on
// its line 5 and extra at its end.
func articleProblems(t *testing.T, line, extra string) string {
	t.Helper()
	article := "<!-- chapter: One -->\n\nSome text to read.\n\n" + line + "\n\nMore text.\n" + extra
	probs, _ := content.Validate(fstest.MapFS{
		"pack.yaml":  {Data: []byte("id: shape\ntitle: Shape\narticle: article.md\n")},
		"article.md": {Data: []byte(article)},
	})
	var b strings.Builder
	for _, p := range probs {
		b.WriteString(p.Error() + "\n")
	}
	return b.String()
}

// An article is refused before parsing where it would make the markdown
// parser slow, each limit exactly: a line indented more than 32 columns
// (a tab reaching the next multiple of four), more than 16 quote or list
// markers opening a line, more than 5,000 "[" or 20,000 emphasis marks.
// At the limit it is read.
func TestArticleShapeLimits(t *testing.T) {
	sp := strings.Repeat
	deep := func(marker string, n int) string { return sp(marker, n) + "deep" }
	cases := []struct {
		name, line, extra string
		want              string // "" for none of the shape problems
	}{
		{"32 spaces", sp(" ", 32) + "indented", "", ""},
		{"33 spaces", sp(" ", 33) + "indented", "", "article.md:5: is indented 33 columns; indent article lines by at most 32"},
		{"8 tabs", sp("\t", 8) + "indented", "", ""},
		{"a space and 8 tabs", " " + sp("\t", 8) + "indented", "", ""}, // the first tab only reaches 4
		{"8 tabs and a space", sp("\t", 8) + " indented", "", "article.md:5: is indented 33 columns"},
		{"two spaces, a tab, 7 tabs, 2 spaces", "  " + sp("\t", 8) + "  x", "", "article.md:5: is indented 34 columns"},
		{"16 quotes", deep("> ", 16), "", ""},
		{"17 quotes", deep("> ", 17), "", "article.md:5: opens 17 quotes or lists inside each other; at most 16 are allowed"},
		{"17 quotes unspaced", deep(">", 17), "", "opens 17 quotes"},
		{"17 dashes", deep("- ", 17), "", "opens 17 quotes"},
		{"17 stars, tabbed", deep("*\t", 17), "", "opens 17 quotes"},
		{"17 pluses", deep("+ ", 17), "", "opens 17 quotes"},
		{"17 numbers with dots", deep("1. ", 17), "", "opens 17 quotes"},
		{"17 numbers with parentheses", deep("12) ", 17), "", "opens 17 quotes"},
		{"17 nine-digit numbers", deep("123456789. ", 17), "", "opens 17 quotes"},
		{"a ten-digit number is no marker", "1234567890. " + deep("> ", 16), "", ""},
		{"a number without its dot is no marker", "12 " + deep("> ", 17), "", ""},
		{"a dot without a space is no marker", "1.5 " + deep("> ", 17), "", ""},
		{"a dash on a word is no marker", "-x " + deep("> ", 17), "", ""},
		{"a star on a word is no marker", "*x* " + deep("> ", 17), "", ""},
		{"16 markers then a bare one at the end", sp("- ", 16) + "-", "", "opens 17 quotes"},
		{"16 markers then a bare number at the end", sp("- ", 16) + "3.", "", "opens 17 quotes"},
		{"16 markers then a tabbed number", sp("- ", 16) + "3)\tx", "", "opens 17 quotes"},
		{"5,000 brackets", "text", sp("[", 5000) + "\n", ""},
		{"5,001 brackets", "text", sp("[", 5001) + "\n", `article.md: has 5001 "[" (links, images, brackets); at most 5000 are allowed`},
		{"20,000 emphasis marks", "text", sp("*_`~", 5000) + "\n", ""},
		{"20,001 emphasis marks", "text", sp("*_`~", 5000) + "_\n", "article.md: has 20001 emphasis and code marks"},
	}
	for _, c := range cases {
		got := articleProblems(t, c.line, c.extra)
		shape := strings.Contains(got, "is indented") || strings.Contains(got, "inside each other") ||
			strings.Contains(got, "are allowed")
		switch {
		case c.want == "" && shape:
			t.Errorf("%s: refused:\n%s", c.name, got)
		case c.want != "" && !strings.Contains(got, c.want):
			t.Errorf("%s: want %q in:\n%s", c.name, c.want, got)
		}
	}
}

// Only the first over-indented line and the first over-deep one are named.
func TestArticleShapeNamesTheFirstLine(t *testing.T) {
	got := articleProblems(t, strings.Repeat(" ", 40)+"x\n\n"+strings.Repeat(" ", 50)+"y\n\n"+strings.Repeat("> ", 20)+"z\n\n"+strings.Repeat("> ", 30)+"w", "")
	if n := strings.Count(got, "is indented"); n != 1 || !strings.Contains(got, "article.md:5: is indented 40") {
		t.Errorf("want one indentation problem, on line 5:\n%s", got)
	}
	if n := strings.Count(got, "inside each other"); n != 1 || !strings.Contains(got, fmt.Sprintf("article.md:%d: opens 20", 9)) {
		t.Errorf("want one nesting problem, on line 9:\n%s", got)
	}
}
