// Package progress is what a reader keeps between sessions: where they are,
// which sections they have read, their notes, their quiz history and review
// schedule, their choices. It is plain data with no terminal code; Store
// keeps it on disk safely.
package progress

import (
	"encoding/json"
	"maps"
	"time"
)

// Version is the file format this program writes. Files from newer versions
// are read as far as this version understands them; what it does not
// understand is kept and written back unchanged.
const Version = 1

// Position is a place in the article that survives re-wrapping: a paragraph,
// not a screen line.
type Position struct {
	Chapter   int       `json:"chapter"`   // 1-based chapter number
	Paragraph string    `json:"paragraph"` // paragraph ID, e.g. "p29"
	At        time.Time `json:"at"`        // when the reader was there
}

// IsZero reports whether there is no position yet.
func (p Position) IsZero() bool { return p.Paragraph == "" }

// Note is a reader's note on a chapter. An empty text with a time is a
// deleted note, so the deletion wins over an older copy elsewhere.
type Note struct {
	Text    string    `json:"text"`
	Updated time.Time `json:"updated"`
}

// State is one reader's progress through one pack.
type State struct {
	Version  int             `json:"version"`
	Pack     string          `json:"pack"`
	Position Position        `json:"position"`
	Read     map[string]bool `json:"read,omitempty"`  // section IDs read to the end
	Notes    map[string]Note `json:"notes,omitempty"` // by chapter number ("3")
	Theme    string          `json:"theme,omitempty"`
	// Quiz is the quiz history and review schedule.
	Quiz Quiz `json:"quiz,omitzero"`
	// Present is where a facilitator's presentation stands (with --profile).
	Present *Presentation `json:"present,omitempty"`

	// extra holds fields written by a newer version, kept as they were.
	extra map[string]json.RawMessage
	// changes counts changes since the state was made, so callers can tell
	// when there is something new to save.
	changes int
	now     func() time.Time
}

// New returns empty progress for a pack.
func New() *State { return &State{Version: Version, Read: map[string]bool{}, Notes: map[string]Note{}} }

// Changes is a counter that moves whenever the state changes.
func (s *State) Changes() int { return s.changes }

func (s *State) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now().UTC()
}

// SetPosition records where the reader is.
func (s *State) SetPosition(chapter int, paragraph string) {
	if s.Position.Chapter == chapter && s.Position.Paragraph == paragraph {
		return
	}
	s.Position = Position{Chapter: chapter, Paragraph: paragraph, At: s.clock()}
	s.changes++
}

// MarkRead records that a section has been read. It reports whether that is
// news.
func (s *State) MarkRead(sectionID string) bool {
	if s.Read == nil {
		s.Read = map[string]bool{}
	}
	if s.Read[sectionID] {
		return false
	}
	s.Read[sectionID] = true
	s.changes++
	return true
}

// IsRead reports whether a section has been read.
func (s *State) IsRead(sectionID string) bool { return s.Read[sectionID] }

// CountRead is how many of the given sections have been read.
func (s *State) CountRead(sectionIDs []string) int {
	n := 0
	for _, id := range sectionIDs {
		if s.Read[id] {
			n++
		}
	}
	return n
}

// Note is the note on a chapter, "" if none.
func (s *State) Note(chapter string) string { return s.Notes[chapter].Text }

// SetNote replaces the note on a chapter; an empty text deletes it.
func (s *State) SetNote(chapter, text string) {
	if s.Notes == nil {
		s.Notes = map[string]Note{}
	}
	if old, ok := s.Notes[chapter]; ok && old.Text == text || !ok && text == "" {
		return
	}
	s.Notes[chapter] = Note{Text: text, Updated: s.clock()}
	s.changes++
}

// SetTheme remembers the theme last chosen.
func (s *State) SetTheme(theme string) {
	if s.Theme != theme {
		s.Theme = theme
		s.changes++
	}
}

// Clone is a deep copy, safe to hand to a goroutine that saves it.
func (s *State) Clone() *State {
	c := *s
	c.Read = maps.Clone(s.Read)
	c.Notes = maps.Clone(s.Notes)
	c.Quiz = s.Quiz.clone()
	c.Present = s.Present.clone()
	c.extra = maps.Clone(s.extra)
	return &c
}
