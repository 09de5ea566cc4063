package progress

import (
	"encoding/json"
	"errors"
	"maps"

	"studyguide/content"
)

// plainState is State without its methods, for encoding.
type plainState State

var knownFields = map[string]bool{"version": true, "pack": true, "position": true, "read": true, "notes": true,
	"theme": true, "quiz": true, "present": true}

// MarshalJSON writes the known fields and, after them, any fields from a
// newer version that this one kept.
func (s *State) MarshalJSON() ([]byte, error) {
	return marshalWithExtra((*plainState)(s), s.extra, knownFields)
}

// UnmarshalJSON reads the known fields and keeps the others.
func (s *State) UnmarshalJSON(b []byte) error {
	extra, err := unknownFields(b, knownFields)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, (*plainState)(s)); err != nil {
		return err
	}
	s.extra = extra
	return nil
}

// marshalWithExtra encodes v and adds the fields in extra that v does not
// know, so what a newer version wrote survives an older one saving.
func marshalWithExtra(v any, extra map[string]json.RawMessage, known map[string]bool) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	all := map[string]json.RawMessage{}
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	for k, v := range extra {
		if !known[k] {
			all[k] = v
		}
	}
	return json.Marshal(all)
}

// unknownFields are the fields of a JSON object that are not known, nil if
// there are none.
func unknownFields(b []byte, known map[string]bool) (map[string]json.RawMessage, error) {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	for k, v := range all {
		if !known[k] {
			if extra == nil {
				extra = map[string]json.RawMessage{}
			}
			extra[k] = v
		}
	}
	return extra, nil
}

// decode parses a progress file, checking what a damaged file gets wrong.
func decode(b []byte) (*State, error) {
	if len(b) == 0 {
		return nil, errors.New("the file is empty")
	}
	s := &State{}
	if err := json.Unmarshal(b, s); err != nil {
		return nil, errors.New("it is damaged, or was not written by studyguide")
	}
	if s.Version < 1 {
		return nil, errors.New("it has no format version")
	}
	if s.Read == nil {
		s.Read = map[string]bool{}
	}
	if s.Notes == nil {
		s.Notes = map[string]Note{}
	}
	for k, n := range s.Notes { // a hand-edited or shared file: shown, never obeyed
		if clean := content.StripUnsafe(n.Text); clean != n.Text {
			n.Text = clean
			s.Notes[k] = n
		}
	}
	return s, nil
}

// merge combines what is on disk (another copy of the program may have
// saved since this one loaded) with this copy's state: sections read are
// united, the later position and the later version of each note win, quiz
// sessions are united and each review card takes its later answer (see
// mergeQuiz), and fields from newer versions are kept.
func merge(disk, mine *State) *State {
	out := mine.Clone()
	out.Version = max(disk.Version, mine.Version, Version)
	for id := range disk.Read {
		out.Read[id] = true
	}
	if disk.Position.At.After(mine.Position.At) {
		out.Position = disk.Position
	}
	for ch, n := range disk.Notes {
		if m, ok := out.Notes[ch]; !ok || n.Updated.After(m.Updated) {
			out.Notes[ch] = n
		}
	}
	if out.Theme == "" {
		out.Theme = disk.Theme
	}
	out.Quiz = mergeQuiz(disk.Quiz, mine.Quiz)
	if disk.Present != nil && (out.Present == nil || disk.Present.At.After(out.Present.At)) {
		out.Present = disk.Present.clone()
	}
	extra := maps.Clone(disk.extra)
	if extra == nil {
		extra = map[string]json.RawMessage{}
	}
	maps.Copy(extra, mine.extra)
	out.extra = extra
	return out
}
