package content_test

import (
	"testing"

	"studyguide/content"
)

func TestSearch(t *testing.T) {
	p := loadSeeds(t)
	cases := []struct {
		query    string
		hits     int
		chapters []int // chapters the hits are in, in order, deduplicated
	}{
		{"isomorphism", 3, []int{6}},
		{"ISOMORPHISM", 3, []int{6}},
		{`"NGOism"`, 5, []int{1, 2}},        // straight quotes find curly ones
		{"staff's ability", 1, []int{3}},    // straight apostrophe finds ’
		{"financial-their", 1, []int{2}},    // a hyphen finds an em dash
		{"complex.\" Oyakawa", 1, []int{6}}, // the essay's no-break space + space is one space
		{"  Oyakawa  ", 3, []int{6}},        // surrounding space ignored
		{"zzyzx", 0, nil},
		{"", 0, nil},
		{"   ", 0, nil},
	}
	for _, c := range cases {
		hits := p.Search(c.query)
		if len(hits) != c.hits {
			t.Errorf("Search(%q): %d hits; want %d", c.query, len(hits), c.hits)
			continue
		}
		var chs []int
		for i, h := range hits {
			if n := h.Para.Chapter.Number; len(chs) == 0 || chs[len(chs)-1] != n {
				chs = append(chs, n)
			}
			if i > 0 && (h.Para.Index < hits[i-1].Para.Index || h.Para == hits[i-1].Para && h.Start <= hits[i-1].Start) {
				t.Errorf("Search(%q): hits out of reading order", c.query)
			}
			folded := content.FoldText(h.Para.Text)
			if got, want := string(folded[h.Start:h.End]), string(content.FoldText(c.query)); got != want {
				t.Errorf("Search(%q): hit covers %q", c.query, got)
			}
		}
		if len(chs) != len(c.chapters) || (len(chs) > 0 && chs[0] != c.chapters[0]) {
			t.Errorf("Search(%q): hits in chapters %v; want %v", c.query, chs, c.chapters)
		}
	}
}

func FuzzSearch(f *testing.F) {
	p, err := content.Load(seedsFS())
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"isomorphism", "“", "  ", "a", "\u00a0", "NGO’s", "\x00", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, h := range p.Search(q) {
			folded := content.FoldText(h.Para.Text)
			if h.Start < 0 || h.End > len(folded) || h.Start >= h.End {
				t.Fatalf("hit out of range: %+v in %d runes", h, len(folded))
			}
		}
	})
}
