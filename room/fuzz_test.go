package room_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"studyguide/room"
)

// Whatever a client types as a name, what the room keeps is safe on every
// screen and in every log: no escape sequence, no control or invisible
// formatting character, one line, at most MaxNameWidth cells, and cleaning
// it again changes nothing.
func FuzzCleanName(f *testing.F) {
	for _, s := range []string{"Ada", "\x1b]52;c;aGk=\x07\x1b[2J\x1b]0;PWNED\x07", "a\u202eb", "👩‍👩‍👧 family",
		strings.Repeat("界", 40), "\x9b31m", "tab\there", "\xff\xfe", "a\x00b", "   "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, got := range []string{room.CleanName(in), room.CleanText(in)} {
			if strings.ContainsAny(got, "\x1b\n\r\x07") {
				t.Fatalf("clean(%q) = %q holds a control byte", in, got)
			}
			for _, r := range got {
				if unicode.IsControl(r) || (unicode.Is(unicode.Cf, r) && r != '\u200d') {
					t.Fatalf("clean(%q) = %q holds %U", in, got, r)
				}
			}
			if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
				t.Fatalf("clean(%q) = %q: spaces not made one", in, got)
			}
		}
		name := room.CleanName(in)
		if w := ansi.StringWidth(name); w > room.MaxNameWidth {
			t.Fatalf("CleanName(%q) = %q is %d cells", in, name, w)
		}
		if again := room.CleanText(room.CleanText(in)); again != room.CleanText(in) {
			t.Fatalf("cleaning %q twice gives %q, then %q", in, room.CleanText(in), again)
		}
	})
}
