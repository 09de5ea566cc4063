package content_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

// An ampersand, a named reference and a reference to an ordinary letter
// are text like any other: the pack loads.
func TestAmpersandsAndHarmlessReferencesAreFine(t *testing.T) {
	m := plant(t, skeletonMap(t), "article.md", "This is a sample article.", "This is a sample article by AT&T &amp; R&D, caf&#233; &#x263A;.")
	plant(t, m, "glossary.yaml", "in order.", "in order, Q&A included.")
	if _, err := content.Load(m); err != nil {
		t.Errorf("a pack with ampersands is refused:\n%v", err)
	}
}

// Problems in an article name the line of the block they are about, even
// when its first line is a single character.
func TestArticleProblemsNameTheLineOfShortBlocks(t *testing.T) {
	for _, c := range []struct{ name, article, want string }{
		{"a one-letter heading before the first chapter", "# I\n\n<!-- chapter: One -->\n\nText.\n",
			"article.md:1: text before the first chapter marker"},
		{"a one-letter list item before the first chapter", "Intro.\n\n- a\n- b\n\n<!-- chapter: One -->\n\nText.\n",
			"article.md:3: text before the first chapter marker"},
		{"a one-letter paragraph before the first chapter", "\nI\n\n<!-- chapter: One -->\n\nText.\n",
			"article.md:2: text before the first chapter marker"},
	} {
		probs, _ := content.Validate(articlePack(c.article))
		if got := fmt.Sprint(probs); !strings.Contains(got, c.want) {
			t.Errorf("%s: problems\n%s\nlack %q", c.name, got, c.want)
		}
	}
}

// Numbers are text, not list markers, unless a "." or ")" and a space
// follow; a line that is only a number (a year) is ordinary text, and a
// marker "10." counts like "1." towards the nesting limit.
func TestArticleNumbersAndListMarkers(t *testing.T) {
	for _, article := range []string{
		"<!-- chapter: One -->\n\n2026\n\nText.\n",
		"<!-- chapter: One -->\n\nThe year was\n1968\n",
		"<!-- chapter: One -->\n\n- 1999\n- 12345678901\n",
	} {
		if _, err := content.Load(articlePack(article)); err != nil {
			t.Errorf("article %q: %v", article, err)
		}
	}
	const want = "article.md:3: opens 17 quotes or lists inside each other; at most 16 are allowed"
	for _, marker := range []string{"1. ", "10. ", "100) ", "0. "} {
		article := "<!-- chapter: One -->\n\n" + strings.Repeat("> ", 16) + marker + "Text.\n"
		probs, _ := content.Validate(articlePack(article))
		if got := fmt.Sprint(probs); !strings.Contains(got, want) {
			t.Errorf("16 quotes and %q: problems\n%s\nlack %q", marker, got, want)
		}
	}
}

// A glossary term is found where it stands as whole words: "mass
// organization" does not occur in "mass organizations", nor "profit
// organization" in "nonprofit organization", though each word does.
func TestGlossaryPhrasesInsideLongerWordsDoNotOccur(t *testing.T) {
	article := `<!-- chapter: One -->

Mass organizations are run by their members: a mass of members is the organization.

A nonprofit organization is not run for profit.

Members meet in an open meeting.
`
	g := "entries:\n" + entry("mass organization", "") + entry("profit organization", "") + entry("open meeting", "")
	probs, _ := content.Validate(fstest.MapFS{
		"pack.yaml":     {Data: []byte("id: w\ntitle: W\narticle: article.md\nglossary: glossary.yaml\n")},
		"article.md":    {Data: []byte(article)},
		"glossary.yaml": {Data: []byte(g)},
	})
	got := fmt.Sprint(probs)
	for _, term := range []string{"mass organization", "profit organization"} {
		if !strings.Contains(got, term+": neither the term nor a variant occurs in the article") {
			t.Errorf("%q, only inside longer words, is found:\n%s", term, got)
		}
	}
	if strings.Contains(got, "open meeting: neither") {
		t.Errorf("open meeting is not found:\n%s", got)
	}
}
