package progress

import "testing"

func TestMarkRead(t *testing.T) {
	var s State // the zero value must be usable
	if !s.MarkRead("3.1") {
		t.Fatal("first MarkRead should report a change")
	}
	if s.MarkRead("3.1") {
		t.Fatal("marking a read section again should report no change")
	}
	s.MarkRead("3.2")
	if got := s.CountRead([]string{"3.1", "3.2", "3.3"}); got != 2 {
		t.Fatalf("CountRead = %d; want 2", got)
	}
	if s.IsRead("4.1") || !s.IsRead("3.2") {
		t.Fatal("IsRead disagrees with what was marked")
	}
}

func TestPositionZero(t *testing.T) {
	if !(Position{}).IsZero() || (Position{Chapter: 2, Paragraph: "p20"}).IsZero() {
		t.Fatal("IsZero is wrong")
	}
}
