package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"studyguide/content"
	"studyguide/seeds"
)

func builtin(t *testing.T) *content.Pack {
	t.Helper()
	p, err := content.Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A position saved for another version of the pack is moved to where its
// paragraph is now, or to its chapter's start, or dropped: never left
// naming a chapter the pack does not have.
func TestFitToAChangedPack(t *testing.T) {
	pack := builtin(t)
	last := len(pack.Chapters)
	ch3 := pack.Chapters[2].Paragraphs()
	tests := []struct {
		name      string
		in, want  Position
		chapterOK bool
	}{
		{"still there", Position{Chapter: 3, Paragraph: ch3[1].ID}, Position{Chapter: 3, Paragraph: ch3[1].ID}, true},
		{"paragraph moved to another chapter", Position{Chapter: 1, Paragraph: ch3[1].ID}, Position{Chapter: 3, Paragraph: ch3[1].ID}, true},
		{"paragraph gone, chapter there", Position{Chapter: 3, Paragraph: "p9999"}, Position{Chapter: 3, Paragraph: ch3[0].ID}, true},
		{"chapter past the end", Position{Chapter: last + 1, Paragraph: "p9999"}, Position{}, false},
		{"chapter 0", Position{Chapter: 0, Paragraph: "p9999"}, Position{}, false},
		{"chapter -1", Position{Chapter: -1, Paragraph: "nope"}, Position{}, false},
		{"none", Position{}, Position{}, false},
		// a hand-edited or truncated file: a chapter and no paragraph
		{"chapter past the end, no paragraph", Position{Chapter: last + 3}, Position{}, false},
		{"chapter there, no paragraph", Position{Chapter: 2}, Position{Chapter: 2, Paragraph: pack.Chapters[1].Paragraphs()[0].ID}, true},
	}
	for _, tt := range tests {
		s := New()
		s.Position = tt.in
		s.FitTo(pack)
		got := s.Position
		if got.Chapter != tt.want.Chapter || got.Paragraph != tt.want.Paragraph {
			t.Errorf("%s: %+v became %+v, want %+v", tt.name, tt.in, got, tt.want)
		}
	}
}

// A chapter without paragraphs (the loader refuses one, a pack built in
// memory need not) is no place to be: the position is dropped, not indexed.
func TestFitToAChapterWithoutParagraphs(t *testing.T) {
	pack := &content.Pack{Chapters: []*content.Chapter{{Number: 1, Title: "Empty"}}}
	s := New()
	s.Position = Position{Chapter: 1, Paragraph: "p3"}
	s.FitTo(pack)
	if s.Position != (Position{}) {
		t.Fatalf("a position in a chapter without paragraphs became %+v, want none", s.Position)
	}
}

// Notes on chapters the pack no longer has are exported apart, never
// dropped; notes and their keys from a hand-edited file cannot drive the
// terminal.
func TestExportKeepsNotesOfChaptersThatAreGone(t *testing.T) {
	pack := builtin(t)
	s := New()
	s.SetNote("2", "on chapter two")
	s.SetNote("9", "on a chapter cut since")
	s.SetNote("12", "another")
	var b bytes.Buffer
	if err := Export(&b, s, pack, "", time.Now()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"on chapter two", "## Chapters no longer in this pack", "### Chapter 9\n\non a chapter cut since", "### Chapter 12"} {
		if !strings.Contains(out, want) {
			t.Fatalf("export lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "Chapter 9") > strings.Index(out, "Chapter 12") {
		t.Fatal("orphaned notes are not in chapter order")
	}
}

func TestLoadStripsControlCharactersFromNotes(t *testing.T) {
	st, err := decode([]byte(`{"version":1,"notes":{"2":{"text":"red \u001b[31mALERT\u001b]52;c;aGk=\u0007 ok\nline\ttab"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	got := st.Note("2")
	if strings.ContainsAny(got, "\x1b\x07") || !strings.Contains(got, "ok\nline\ttab") {
		t.Fatalf("note after loading: %q", got)
	}
}
