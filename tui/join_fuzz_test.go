package tui

import (
	"bytes"
	"crypto/rand"
	"io"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/room"
)

// FuzzJoinScreen drives the join screen with what a client can send:
// keys, pastes and sizes, read from the fuzzer's bytes. Whatever comes,
// the program never panics, every frame fits, a seated member's name is
// clean, and the gate never gives more tries than it has.
func FuzzJoinScreen(f *testing.F) {
	pack := testPack(f)
	deck := NewDeck(pack, 4, 1)
	f.Add([]byte("p\x1b]52;c;aGk=\x07\x1b[2J12345678\n\rAda\r"), uint16(80), uint16(24))
	f.Add([]byte("\r\r\rk7m2-9qxw\r"), uint16(40), uint16(12))
	f.Add([]byte("s\x00\x00s\xff\xffp99999999\r"), uint16(1), uint16(1))
	f.Fuzz(func(t *testing.T, in []byte, w, h uint16) {
		// The code is 00000000 (so the fuzzer can find it); seat words
		// are random.
		r, err := room.New(room.Config{Pack: pack, Random: io.MultiReader(bytes.NewReader(make([]byte, 8)), rand.Reader)})
		if err != nil {
			t.Fatal(err)
		}
		_ = r.Show(deck.Start(2))
		gate, _ := r.Gate("192.0.2.1:1")
		var joined *room.Member
		var m tea.Model = NewSession(pack, SessionOptions{Room: r, Gate: gate, Deck: deck,
			Joined: func(me *room.Member) { joined = me }})
		width, height := int(w%300), int(h%120)
		m, _ = m.Update(tea.WindowSizeMsg{Width: width, Height: height})
		for i := 0; i < len(in); i++ {
			var msg tea.Msg
			switch c := in[i]; {
			case c == 's' && i+2 < len(in): // a resize
				width, height = int(in[i+1]), int(in[i+2])%100
				msg, i = tea.WindowSizeMsg{Width: width, Height: height}, i+2
			case c == 'p' && i+1 < len(in): // a paste of what follows, up to the next \n
				j := i + 1
				for j < len(in) && in[j] != '\n' {
					j++
				}
				msg, i = tea.PasteMsg{Content: string(in[i+1 : j])}, j
			case c == '\r':
				msg = tea.KeyPressMsg{Code: tea.KeyEnter}
			case c == 0x7f:
				msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
			default:
				msg = tea.KeyPressMsg{Code: rune(c), Text: string(rune(c))}
			}
			m, _ = m.Update(msg)
			if gate.Left() < 0 || gate.Left() > room.MaxAttempts {
				t.Fatalf("the gate has %d tries", gate.Left())
			}
			if width > 0 && height > 0 {
				checkFits(t, m.View().Content, width, height)
			}
		}
		if joined != nil {
			if name := joined.View().Name; name != room.CleanName(name) || ansi.StringWidth(name) > room.MaxNameWidth {
				t.Fatalf("a member seated as %q", name)
			}
		}
	})
}
