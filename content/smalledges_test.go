package content_test

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/content"
)

// A character reference that stands for a terminal control is refused
// wherever it comes in a line, after harmless ones too; ampersands and
// named references that stand for nothing forbidden pass.
func TestCharacterReferences(t *testing.T) {
	for _, c := range []struct {
		text    string
		refused bool
	}{
		{"Letters &#65; and &#66; then &#27;[31m red.", true},
		{"A &#x41; and a &#x1B; hidden.", true},
		{"Tom & Jerry &amp; friends, &lt;3 and &#65;.", false},
	} {
		probs := articleProblems(t, c.text, "")
		if refused := strings.Contains(probs, "escape character"); refused != c.refused {
			t.Errorf("%q: refused %v:\n%s", c.text, refused, probs)
		}
	}
}

// pack.yaml's id has at most 64 characters and its title 200, exactly.
func TestMetaLengthLimits(t *testing.T) {
	for _, c := range []struct {
		meta, problem string
		refused       bool
	}{
		{"id: " + strings.Repeat("a", 64) + "\ntitle: T\narticle: article.md\n", "id \"", false},
		{"id: " + strings.Repeat("a", 65) + "\ntitle: T\narticle: article.md\n", "at most 64 characters", true},
		{"id: a\ntitle: " + strings.Repeat("t", 200) + "\narticle: article.md\n", "title should be", false},
		{"id: a\ntitle: " + strings.Repeat("t", 201) + "\narticle: article.md\n", "title should be one line of at most 200 characters", true},
	} {
		got := metaProblems(t, withMeta(c.meta))
		if refused := strings.Contains(got, c.problem); refused != c.refused {
			t.Errorf("%.40q: refused %v:\n%s", c.meta, refused, got)
		}
	}
}

// The first and the last chapter are found by number.
func TestFindFirstAndLastChapter(t *testing.T) {
	p := loadSeeds(t)
	for _, n := range []int{1, len(p.Chapters)} {
		if c, err := p.FindChapter(fmt.Sprint(n)); err != nil || c.Number != n {
			t.Errorf("FindChapter(%d) = %v, %v", n, c, err)
		}
	}
}

// Problems on one line are reported in the order they were found: a
// glossary entry's kind before its definition.
func TestSameLineProblemsKeepTheirOrder(t *testing.T) {
	probs, _ := content.Validate(tinyPack("entries:\n  - term: NGO\n    kind: thing\n    definition: too short\n"))
	got := fmt.Sprint(probs)
	kind, def := strings.Index(got, `kind "thing"`), strings.Index(got, "definition has 2 words")
	if kind < 0 || def < 0 || kind > def {
		t.Errorf("want the kind's problem, then the definition's:\n%s", got)
	}
}
