package content_test

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"studyguide/content"
	"studyguide/seeds"
)

func seedsFS() fs.FS { return seeds.FS }

func loadSeeds(t testing.TB) *content.Pack {
	t.Helper()
	p, err := content.Load(seeds.FS)
	if err != nil {
		t.Fatalf("loading the built-in pack: %v", err)
	}
	return p
}

// publishedForm writes a paragraph the way the source text prints it, list
// number or bullet included, so the two can be compared word for word.
func publishedForm(p *content.Paragraph) string {
	switch p.Kind {
	case content.ListItem:
		return strconv.Itoa(p.Number) + ". " + p.Text
	case content.SubItem:
		return "• " + p.Text
	}
	return p.Text
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

// sourceBlocks is the published text as paragraphs, the title once: the
// source prints it twice (page title and heading), the guide shows it once.
func sourceBlocks(t *testing.T, p *content.Pack) []string {
	lines := nonEmptyLines(p.Source)
	if len(lines) < 2 || lines[0] != lines[1] {
		t.Fatalf("expected the source to open with the title twice, got %q", lines[:2])
	}
	return lines[1:]
}

func TestFidelityEveryWordOnceInOrder(t *testing.T) {
	p := loadSeeds(t)
	want := strings.Fields(strings.Join(sourceBlocks(t, p), "\n"))
	var got []string
	for _, para := range p.Paragraphs() {
		got = append(got, strings.Fields(publishedForm(para))...)
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Fatalf("word %d differs: guide has %q, essay has %q\n guide: …%s…\n essay: …%s…",
				i, got[i], want[i], strings.Join(got[max(0, i-6):min(len(got), i+6)], " "),
				strings.Join(want[max(0, i-6):min(len(want), i+6)], " "))
		}
	}
	if len(got) != len(want) {
		t.Fatalf("guide has %d words, essay has %d", len(got), len(want))
	}
}

func TestParagraphsFollowTheSourceParagraphs(t *testing.T) {
	p := loadSeeds(t)
	src := sourceBlocks(t, p)
	paras := p.Paragraphs()
	if len(paras) != len(src) {
		t.Fatalf("guide has %d paragraphs, source has %d", len(paras), len(src))
	}
	for i, para := range paras {
		if got, want := strings.Join(strings.Fields(publishedForm(para)), " "), strings.Join(strings.Fields(src[i]), " "); got != want {
			t.Errorf("%s (article line %d) is not source paragraph %d:\n got %.80q\nwant %.80q", para.ID, para.Line, i+1, got, want)
		}
	}
}

func TestChaptersRespectTheEssaysStructure(t *testing.T) {
	p := loadSeeds(t)
	if n := len(p.Chapters); n < 5 || n > 8 {
		t.Fatalf("%d chapters; want five to eight", n)
	}
	headings := map[string]bool{
		"Can NGO Employees Build a Movement?":   false,
		"NGOs as Challenge and Opportunity":     false,
		"Case Studies? The Bernie Endorsements": false,
	}
	titles := 0
	for _, para := range p.Paragraphs() {
		switch para.Kind {
		case content.Title:
			titles++
			if para.Text != p.Meta.Title {
				t.Errorf("title paragraph %q differs from pack title %q", para.Text, p.Meta.Title)
			}
		case content.Heading:
			if _, ok := headings[para.Text]; !ok {
				t.Errorf("unexpected heading %q", para.Text)
			}
			headings[para.Text] = true
			// A chapter never crosses a heading: the heading opens its chapter.
			if first := para.Chapter.Paragraphs()[0]; first != para {
				t.Errorf("heading %q is inside chapter %d, not at its start", para.Text, para.Chapter.Number)
			}
		}
	}
	if titles != 1 {
		t.Errorf("the title appears %d times; want once", titles)
	}
	for h, seen := range headings {
		if !seen {
			t.Errorf("the essay's heading %q is missing", h)
		}
	}
	for _, c := range p.Chapters {
		if c.Title == "" || c.Slug == "" || len(c.Sections) == 0 {
			t.Errorf("chapter %d is incomplete: %+v", c.Number, c)
		}
		if strings.Contains(c.Markdown, "<!--") {
			t.Errorf("chapter %d markdown still has markers", c.Number)
		}
	}
}

func TestWarningSignsAndQuotations(t *testing.T) {
	p := loadSeeds(t)
	var items []*content.Paragraph
	subs := map[int]int{}
	quotes := 0
	for _, para := range p.Paragraphs() {
		switch para.Kind {
		case content.ListItem:
			items = append(items, para)
		case content.SubItem:
			subs[items[len(items)-1].Number]++
		case content.Quote:
			quotes++
		}
	}
	if len(items) != 10 {
		t.Fatalf("%d list items; want the ten warning signs", len(items))
	}
	for i, it := range items {
		if it.Number != i+1 {
			t.Errorf("warning sign %d is numbered %d", i+1, it.Number)
		}
		if it.Chapter != items[0].Chapter {
			t.Errorf("the list is split across chapters")
		}
	}
	if subs[1] != 1 || subs[2] != 1 || len(subs) != 2 {
		t.Errorf("sub-points per sign = %v; want one under sign 1 and one under sign 2", subs)
	}
	if quotes != 2 {
		t.Errorf("%d quoted paragraphs; want the two quotations from Oyakawa's study", quotes)
	}
}

func TestIDsAreStable(t *testing.T) {
	a, b := loadSeeds(t), loadSeeds(t)
	pa, pb := a.Paragraphs(), b.Paragraphs()
	for i := range pa {
		if pa[i].ID != pb[i].ID || pa[i].Text != pb[i].Text || pa[i].Section.ID != pb[i].Section.ID {
			t.Fatalf("paragraph %d differs between loads: %s/%s", i, pa[i].ID, pb[i].ID)
		}
	}
	// Saved positions and quiz passages point at these; moving them is a
	// breaking change for every user's progress.
	pinned := map[string]string{
		"p1":  "Mass Organizations and NGOs in a Socialist Movement",
		"p12": "i.e., because NGOs are employers",
		"p45": "Over time, institutional forces cause organizations",
		"p68": "True transformational change can only come",
	}
	for id, start := range pinned {
		para, ok := a.Paragraph(id)
		if !ok || !strings.HasPrefix(para.Text, start) {
			t.Errorf("%s should start %q", id, start)
		}
	}
}

func TestReadingTimes(t *testing.T) {
	p := loadSeeds(t)
	total := 0
	for _, c := range p.Chapters {
		w := c.Words()
		total += w
		m := c.ReadingMinutes(p.Meta.ReadingWPM)
		if m < 1 || m*p.Meta.ReadingWPM < w || (m-1)*p.Meta.ReadingWPM >= w {
			t.Errorf("chapter %d: %d words at %d wpm gives %d min", c.Number, w, p.Meta.ReadingWPM, m)
		}
	}
	if total != p.Words() || total != len(strings.Fields(p.Source))-8-12 {
		// the source has the 8-word title twice and 12 list markers
		t.Errorf("chapter words sum to %d, pack says %d, source minus title and markers %d",
			total, p.Words(), len(strings.Fields(p.Source))-20)
	}
	cases := []struct{ words, wpm, want int }{
		{0, 200, 1}, {1, 200, 1}, {200, 200, 1}, {201, 200, 2}, {1000, 250, 4}, {10, 0, 1},
	}
	for _, c := range cases {
		if got := content.ReadingMinutes(c.words, c.wpm); got != c.want {
			t.Errorf("ReadingMinutes(%d, %d) = %d; want %d", c.words, c.wpm, got, c.want)
		}
	}
}

func TestFindChapter(t *testing.T) {
	p := loadSeeds(t)
	for _, arg := range []string{"6", "institutional-isomorphism", "INST", " 6 "} {
		c, err := p.FindChapter(arg)
		if err != nil || c.Number != 6 {
			t.Errorf("FindChapter(%q) = %v, %v; want chapter 6", arg, c, err)
		}
	}
	for _, arg := range []string{"0", "9", "", "zzz", "the"} {
		_, err := p.FindChapter(arg)
		if err == nil {
			t.Errorf("FindChapter(%q) succeeded; want an error", arg)
			continue
		}
		if !strings.Contains(err.Error(), "1  the-question-of-ngoism") || !strings.Contains(err.Error(), "8  ") {
			t.Errorf("error for %q does not list the chapters:\n%v", arg, err)
		}
	}
}
