package tui

// What a served room adds to the presenter's screens: the title card's
// join lines and QR code, the status line (who is here, following or on
// one's own, code guessing), who is in the room, and what ending the
// meeting would do.

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"studyguide/room"
)

// whoText is the title and text of w: who is in the room.
func (l *roomLink) whoText() (string, string) {
	fv := l.fv
	if fv.Present == 0 {
		return "In the room", "Nobody has joined yet. Press j to see how to join."
	}
	return fmt.Sprintf("In the room (%d)", fv.Present), strings.Join(fv.Names, "\n")
}

// titleCard is a title card in a room: on the facilitator's screen with
// how to join above the chapter (chapter lays it out at a width); with a
// web door, a QR code members' phones scan, beside the rest when the
// screen is wide enough, above it when not.
func (l *roomLink) titleCard(st *Styles, w int, chapter func(w int) []string) []string {
	if !l.servedRoom() {
		return chapter(w)
	}
	i := l.info
	ssh := "or in a terminal:\n" + i.Command()
	var qr []string
	big := false
	if len(i.Web) > 0 {
		link := i.Web[0] + "?code=" + i.Code
		// twice the size where the screen has the room: a projector at a
		// small font shows many cells, each of them small
		n := qrModules(link)
		big = l.c != nil && l.c.height-6 >= n+2 && l.c.width >= 2*n+4
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

// status is the left of the status line in a room: the facilitator sees
// how many are in the room, a member whether they follow the room.
func (l *roomLink) status(st *Styles, scrolled string, at int, counter func(int) string) string {
	// a narrow screen (a member's phone, a split window) gets the short words
	narrow := l.c != nil && l.c.width < 64
	var parts []string
	warning := ""
	if l.facilitator() {
		if d := l.fv.Door; d.Paused || d.WrongCodes >= guessingAt {
			warning = doorWarning(d, narrow)
		}
	}
	switch {
	case !l.facilitator() && l.mv.DriverLeft:
		parts = append(parts, "the facilitator left · the room waits")
	case l.facilitator() && narrow:
		parts = append(parts, fmt.Sprintf("%d in the room", l.fv.Present))
	case l.facilitator() && warning != "": // the warning takes the keys' place
		parts = append(parts, fmt.Sprintf("%d in the room", l.fv.Present))
	case l.facilitator():
		parts = append(parts, fmt.Sprintf("%d in the room", l.fv.Present), "j join · w who")
	case l.notice != "":
		parts = append(parts, l.notice)
	case l.mv.Following && narrow && l.wordShown:
		parts = append(parts, "following · seat "+l.me.SeatWord())
	case l.mv.Following && narrow:
		parts = append(parts, "following")
	case l.mv.Following && l.wordShown:
		parts = append(parts, "following the room · seat word "+l.me.SeatWord())
	case l.mv.Following:
		parts = append(parts, "following the room")
	case narrow:
		parts = append(parts, "on your own · f follows")
	default:
		parts = append(parts, "on your own · f follows the room (at "+counter(l.mv.RoomStep.Index)+")")
	}
	if c := l.clock(); c != "" && !l.facilitator() {
		parts = append(parts, c)
	}
	switch {
	case scrolled != "" && narrow:
		parts = append(parts, scrolled)
	case scrolled != "" && l.facilitator():
		parts = append(parts, scrolled+" ↑/↓") // j shows how to join
	case scrolled != "":
		parts = append(parts, scrolled+" j/k") // ↑/↓ choose on an open vote
	}
	if warning != "" { // after the count, which it must not push off the line
		parts = append(parts, warning)
	}
	return st.Item.Render(" " + strings.Join(parts, " · "))
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

// stakeText says what ending the presentation does to the room.
func (l *roomLink) stakeText() string {
	n := l.r.FacilitatorView().Present
	if l.driver {
		return "You leave the driver's seat; the room goes on. Join again with the facilitator code to drive."
	}
	who := "Nobody is in the room."
	if n > 0 {
		who = fmt.Sprintf("The %d %s in the room will be sent home.", n, plural(n, "member", "members"))
	}
	return "This ends the meeting. " + who + " The meeting record is written when the server stops."
}

// roomHelp is the facilitator's room keys, for the full help.
func (l *roomLink) roomHelp(k RoomKeys) []key.Binding {
	if !l.servedRoom() {
		return nil
	}
	return []key.Binding{k.Join, k.Who}
}
