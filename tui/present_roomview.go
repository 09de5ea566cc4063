package tui

// What a served room adds to the presenter's screens: the title card's
// join lines and QR code, the status line (who is here, following or on
// one's own, code guessing), who is in the room, and what ending the
// meeting would do.

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"studyguide/room"
)

// whoText is the title and text of w: who is in the room.
func (s *servedRoom) whoText() (string, string) {
	fv := s.fv
	if fv.Present == 0 {
		return "In the room", "Nobody has joined yet. Press j to see how to join."
	}
	return fmt.Sprintf("In the room (%d)", fv.Present), strings.Join(fv.Names, "\n")
}

// titleCard is a title card in a room: on the facilitator's screen with
// how to join above the chapter (chapter lays it out at a width); with a
// web door, a QR code members' phones scan, beside the rest when the
// screen is wide enough, above it when not.
func (s *servedRoom) titleCard(st *Styles, w int, chapter func(w int) []string) []string {
	i := s.info
	ssh := "or in a terminal:\n" + i.Command()
	var qr []string
	big := false
	if len(i.Web) > 0 {
		link := i.Web[0] + "?code=" + i.Code
		// twice the size where the screen has the room: a projector at a
		// small font shows many cells, each of them small
		n := qrModules(link)
		big = s.c.height-6 >= n+2 && s.c.width >= 2*n+4
		qr = qrLines(link, st.IsDark, big)
	}
	if len(qr) == 0 { // no web door: the ssh line
		line := fmt.Sprintf("Join: %s · code %s", i.Command(), room.FormatCode(i.Code))
		lines := strings.Split(st.Heading.Render(wrapText(line, w)), "\n")
		if i.Fingerprint != "" {
			lines = append(lines, strings.Split(st.Dim.Render(wrapText("server key "+i.Fingerprint, w)), "\n")...)
		}
		return append(append(lines, ""), chapter(w)...)
	}
	qw := lipgloss.Width(qr[0])
	join := func(w int) []string {
		var lines []string
		add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
		add(st.Heading.Render(wrapText("Join: scan the code, or open", w)))
		add(st.Heading.Render(truncate(i.Web[0], w)))
		add(st.Heading.Render(truncate("code "+room.FormatCode(i.Code), w)))
		add(st.Item.Render(wrapText(ssh, w)))
		if i.Fingerprint != "" {
			add(st.Dim.Render(wrapText("server key "+i.Fingerprint, w)))
		}
		return lines
	}
	if rw := w - qw - 2; rw >= 24 && !big { // side by side: the code, then what to type and the chapter
		right := append(append(join(rw), ""), chapter(rw)...)
		lines := make([]string, max(len(qr), len(right)))
		for k := range lines {
			left := strings.Repeat(" ", qw)
			if k < len(qr) {
				left = qr[k]
			}
			r := ""
			if k < len(right) {
				r = right[k]
			}
			lines[k] = left + "  " + r
		}
		return lines
	}
	// stacked: the code and the address right under the QR code, so a
	// projector's small screen shows them with it
	under := strings.Split(st.Heading.Render(wrapText("code "+room.FormatCode(i.Code)+" · "+i.Web[0], w)), "\n")
	under = append(under, strings.Split(st.Item.Render(wrapText(ssh, w)), "\n")...)
	if i.Fingerprint != "" {
		under = append(under, strings.Split(st.Dim.Render(wrapText("server key "+i.Fingerprint, w)), "\n")...)
	}
	return append(append(append(qr, under...), ""), chapter(w)...)
}

// status is the facilitator's status line: how many are in the room, the
// room's keys, and a warning when someone is guessing the code.
func (s *servedRoom) status(m *presentModel) string {
	// a narrow screen (a split window, a projector's big font) gets the short words
	narrow := s.c.width < 64
	warning := ""
	if d := s.fv.Door; d.Paused || d.WrongCodes >= guessingAt {
		warning = doorWarning(d, narrow)
	}
	parts := []string{fmt.Sprintf("%d in the room", s.fv.Present)}
	if !narrow && warning == "" { // the warning takes the keys' place
		parts = append(parts, "j join · w who")
	}
	switch p := m.body.position(); {
	case p != "" && narrow:
		parts = append(parts, p)
	case p != "":
		parts = append(parts, p+" ↑/↓") // j shows how to join
	}
	if warning != "" { // after the count, which it must not push off the line
		parts = append(parts, warning)
	}
	return m.c.styles.Item.Render(" " + strings.Join(parts, " · "))
}

// guessingAt is how many wrong codes in the room's window make the
// facilitator's screen say someone may be guessing the code.
const guessingAt = 10

// doorWarning tells the facilitator that someone is guessing the code.
func doorWarning(d room.Door, narrow bool) string {
	switch {
	case d.Paused && narrow:
		return "⚠ code guessing: joins paused"
	case d.Paused:
		return fmt.Sprintf("⚠ %d wrong codes: someone is guessing, joins paused", d.WrongCodes)
	case narrow:
		return fmt.Sprintf("⚠ %d wrong codes", d.WrongCodes)
	}
	return fmt.Sprintf("⚠ %d wrong codes in 10 min: someone may be guessing", d.WrongCodes)
}

// atStake: ending the meeting always does something to the room.
func (s *servedRoom) atStake(*presentModel) (bool, string) {
	if s.driver {
		return true, "You leave the driver's seat; the room goes on. Join again with the facilitator code to drive."
	}
	who := "Nobody is in the room."
	if n := s.r.FacilitatorView().Present; n > 0 {
		who = fmt.Sprintf("The %d %s in the room will be sent home.", n, plural(n, "member", "members"))
	}
	return true, "This ends the meeting. " + who + " The meeting record is written when the server stops."
}
