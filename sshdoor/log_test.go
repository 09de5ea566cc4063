package sshdoor

import (
	"strconv"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// What the server writes to its log for a client's user name, TERM or
// command is one quoted field of printable text, whatever the client sent;
// and a TERM given to the session's programs is one a terminal has.
func FuzzLogField(f *testing.F) {
	for _, s := range []string{"mallory", "\x1b]52;c;aGk=\x07\x1b[2J\x1b]0;PWNED\x07", "", "a\"b\\c", "\xff\x00\n\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := logField(in)
		if loc := controlBytes.FindStringIndex(got); loc != nil {
			t.Fatalf("logField(%q) = %q holds a control byte", in, got)
		}
		unq, err := strconv.Unquote(got)
		if err != nil {
			t.Fatalf("logField(%q) = %q is not one quoted field: %v", in, got, err)
		}
		if w := ansi.StringWidth(unq); w > maxLogField {
			t.Fatalf("logField(%q) is %d cells", in, w)
		}
		if term := cleanTerm(in); term != in && term != "xterm-256color" {
			t.Fatalf("cleanTerm(%q) = %q", in, term)
		}
	})
}
