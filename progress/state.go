// Package progress is what a reader keeps between sessions: where they are,
// which sections they have read. It is plain data with no terminal code;
// saving it to disk comes with its own store.
package progress

// Position is a place in the article that survives re-wrapping: a paragraph,
// not a screen line.
type Position struct {
	Chapter   int    `json:"chapter"`   // 1-based chapter number
	Paragraph string `json:"paragraph"` // paragraph ID, e.g. "p29"
}

// IsZero reports whether there is no position yet.
func (p Position) IsZero() bool { return p.Paragraph == "" }

// State is one reader's progress through one pack.
type State struct {
	Position Position        `json:"position"`
	Read     map[string]bool `json:"read,omitempty"` // section IDs read to the end
}

// New returns empty progress.
func New() *State { return &State{Read: map[string]bool{}} }

// MarkRead records that a section has been read. It reports whether that is
// news, so callers know when something worth saving changed.
func (s *State) MarkRead(sectionID string) bool {
	if s.Read == nil {
		s.Read = map[string]bool{}
	}
	if s.Read[sectionID] {
		return false
	}
	s.Read[sectionID] = true
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
