package content_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

func articlePack(article string) fstest.MapFS {
	return fstest.MapFS{
		"pack.yaml":  {Data: []byte("id: a\ntitle: A\narticle: article.md\n")},
		"article.md": {Data: []byte(article)},
	}
}

// Chapter names for the command line: the title in lower case, letters and
// digits (a to z, 0 to 9) in runs joined by single dashes, nothing before
// or after.
func TestChapterSlugs(t *testing.T) {
	titles := [][2]string{
		{"Zoo 9, and 0 — az", "zoo-9-and-0-az"},
		{"(Leading) marks!", "leading-marks"},
		{"Über façade", "ber-fa-ade"},
		{"A/B testing 2024", "a-b-testing-2024"},
	}
	var article strings.Builder
	for _, tt := range titles {
		fmt.Fprintf(&article, "<!-- chapter: %s -->\n\nSome text.\n\n", tt[0])
	}
	p, err := content.Load(articlePack(article.String()))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range p.Chapters {
		if c.Slug != titles[i][1] {
			t.Errorf("chapter %q: slug %q; want %q", c.Title, c.Slug, titles[i][1])
		}
	}
}

// Sections are numbered within their chapter from 1 (text before the first
// section marker is a section named after the chapter).
func TestSectionIDs(t *testing.T) {
	p, err := content.Load(articlePack("<!-- chapter: One -->\n\nText.\n\n<!-- section: A -->\n\nMore.\n\n<!-- section: B -->\n\nYet more.\n\n<!-- chapter: Two -->\n\n<!-- section: C -->\n\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range p.Chapters {
		for _, s := range c.Sections {
			got = append(got, s.ID+" "+s.Title)
		}
	}
	if want := "1.1 One,1.2 A,1.3 B,2.1 C"; strings.Join(got, ",") != want { // text before the first marker is a section of its own
		t.Errorf("sections %v; want %s", got, want)
	}
}

// An article's problems name the line: raw HTML at the start of line 5.
func TestArticleProblemsNameTheLine(t *testing.T) {
	probs, _ := content.Validate(articlePack("<!-- chapter: One -->\n\nText.\n\n<b>bold</b> words.\n"))
	if !strings.Contains(fmt.Sprint(probs), "article.md:5: raw HTML is not shown") {
		t.Errorf("problems: %v", probs)
	}
}

// 200 chapters are read; 201 are refused.
func TestChapterLimit(t *testing.T) {
	for _, n := range []int{200, 201} {
		article := strings.Repeat("<!-- chapter: C -->\n\nText.\n\n", n)
		probs, _ := content.Validate(articlePack(article))
		if refused := strings.Contains(fmt.Sprint(probs), fmt.Sprintf("has %d chapters; a pack may have at most 200", n)); refused != (n > 200) {
			t.Errorf("%d chapters: refused %v: %v", n, refused, probs)
		}
	}
}
