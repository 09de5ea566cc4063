package progress

import "testing"

func TestChangesCountOnlyRealChanges(t *testing.T) {
	var s State // the zero value is usable
	c := s.Changes()
	steps := []struct {
		name   string
		do     func()
		change bool
	}{
		{"first read", func() { s.MarkRead("3.1") }, true},
		{"read again", func() { s.MarkRead("3.1") }, false},
		{"position", func() { s.SetPosition(3, "p29") }, true},
		{"same position", func() { s.SetPosition(3, "p29") }, false},
		{"note", func() { s.SetNote("3", "hello") }, true},
		{"same note", func() { s.SetNote("3", "hello") }, false},
		{"delete absent note", func() { s.SetNote("4", "") }, false},
		{"delete note", func() { s.SetNote("3", "") }, true},
		{"theme", func() { s.SetTheme("light") }, true},
	}
	for _, st := range steps {
		st.do()
		if changed := s.Changes() != c; changed != st.change {
			t.Errorf("%s: changed = %v; want %v", st.name, changed, st.change)
		}
		c = s.Changes()
	}
	if s.CountRead([]string{"3.1", "3.2"}) != 1 || s.Note("3") != "" {
		t.Errorf("state after steps: %+v", s)
	}
	if _, kept := s.Notes["3"]; !kept {
		t.Error("a deleted note is kept (empty, with its time) so the deletion wins a merge")
	}
}
