package progress

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"studyguide/content"
)

// FitTo checks what was loaded against the pack it is opened with, which
// may have changed since it was saved (an author cut chapters, renumbered
// paragraphs, removed scenarios, but kept the pack's id). A position the
// pack no longer has moves to where its paragraph now is, or to the start
// of its chapter, or is dropped. Everything else stays, unharmed: sections
// read and quiz cards that no longer exist are never looked at, and notes
// on chapters that are gone are kept and exported apart (see Export). The
// file on disk is not rewritten for this.
func (s *State) FitTo(pack *content.Pack) {
	pos := s.Position
	if pos.IsZero() && pos.Chapter == 0 {
		return
	}
	if p, ok := pack.Paragraph(pos.Paragraph); ok {
		s.Position.Chapter = p.Chapter.Number
		return
	}
	if pos.Chapter >= 1 && pos.Chapter <= len(pack.Chapters) {
		if ps := pack.Chapters[pos.Chapter-1].Paragraphs(); len(ps) > 0 {
			s.Position.Paragraph = ps[0].ID
			return
		}
	}
	s.Position = Position{}
}

// orphanNotes are the notes whose chapter the pack does not have, by the
// key they were saved under, in chapter order.
func orphanNotes(s *State, pack *content.Pack) []string {
	var keys []string
	for k, n := range s.Notes {
		if n.Text == "" {
			continue
		}
		if c, err := strconv.Atoi(k); err == nil && c >= 1 && c <= len(pack.Chapters) {
			continue
		}
		keys = append(keys, k)
	}
	sortChapterKeys(keys)
	return keys
}

// sortChapterKeys orders chapter keys by number, then anything else by text.
func sortChapterKeys(keys []string) {
	slices.SortFunc(keys, func(a, b string) int {
		x, errA := strconv.Atoi(a)
		y, errB := strconv.Atoi(b)
		switch {
		case errA == nil && errB == nil:
			return cmp.Compare(x, y)
		case errA == nil:
			return -1
		case errB == nil:
			return 1
		}
		return strings.Compare(a, b)
	})
}
