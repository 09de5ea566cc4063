package content_test

import (
	"slices"
	"strings"
	"testing"

	"studyguide/content"
)

// Search reaches every chapter, the last one included: for each chapter the
// opening words of its last paragraph, and its closing words (up to its
// last character), are found there, and the hits are in exactly the chapters where a plain
// case-blind reading of the text finds them, as many times.
func TestSearchFindsEveryChaptersLastParagraph(t *testing.T) {
	p := loadSeeds(t)
	for _, ch := range p.Chapters {
		paras := ch.Paragraphs()
		last := paras[len(paras)-1]
		words := strings.Fields(last.Text)
		opening := strings.Join(words[:min(5, len(words))], " ")
		closing := strings.Join(words[max(0, len(words)-4):], " ") // up to the paragraph's last character
		for _, query := range []string{opening, closing} {
			checkSearch(t, p, ch, last, query)
		}
	}
}

// checkSearch checks one query's hits against a plain reading of the text.
func checkSearch(t *testing.T, p *content.Pack, ch *content.Chapter, last *content.Paragraph, query string) {
	t.Helper()
	var want []int
	count := 0
	for _, c := range p.Chapters {
		for _, para := range c.Paragraphs() {
			n := strings.Count(strings.ToLower(strings.Join(strings.Fields(para.Text), " ")), strings.ToLower(query))
			count += n
			if n > 0 && !slices.Contains(want, c.Number) {
				want = append(want, c.Number)
			}
		}
	}
	if !slices.Contains(want, ch.Number) {
		t.Fatalf("chapter %d: the test's own reading misses %q", ch.Number, query)
	}

	hits := p.Search(query)
	var got []int
	for _, h := range hits {
		if !slices.Contains(got, h.Para.Chapter.Number) {
			got = append(got, h.Para.Chapter.Number)
		}
	}
	if !slices.Equal(got, want) || len(hits) != count {
		t.Errorf("chapter %d: %q found %d times in chapters %v; want %d times in %v", ch.Number, query, len(hits), got, count, want)
	}
	found := false
	for _, h := range hits {
		found = found || h.Para == last
	}
	if !found {
		t.Errorf("chapter %d: %q is not found in its own paragraph %s", ch.Number, query, last.ID)
	}
}
