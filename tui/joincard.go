package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"studyguide/room"
)

// joinOverlay is how to join, on the whole screen (j on the facilitator's
// screen): with a web door the QR code members' phones scan, as large as
// the screen allows, the address and the code under it; the ssh line and
// the server's key.
type joinOverlay struct {
	c    *common
	info JoinInfo
	w, h int
}

func newJoinOverlay(c *common, info JoinInfo) *joinOverlay {
	o := &joinOverlay{c: c, info: info}
	o.layout(c.width, c.height)
	return o
}

// fullScreen says the overlay covers the screen: nothing under it is drawn.
func (o *joinOverlay) fullScreen() {}

func (o *joinOverlay) layout(w, h int) { o.w, o.h = w, h }

func (o *joinOverlay) update(msg tea.Msg) (tea.Cmd, action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if ok && (key.Matches(kp, o.c.keys.Popup.Close) || key.Matches(kp, o.c.keys.Popup.Follow) ||
		key.Matches(kp, o.c.keys.Room.Join) || key.Matches(kp, o.c.keys.Quit)) {
		return nil, closeAction{}
	}
	return nil, nil
}

func (o *joinOverlay) view() string {
	st, w, h, i := o.c.styles, o.w, o.h, o.info
	code := room.FormatCode(i.Code)
	var lines []string
	add := func(s string, style lipgloss.Style) {
		lines = append(lines, strings.Split(style.Render(wrapText(s, max(1, min(w-2, 72)))), "\n")...)
	}
	if len(i.Web) > 0 {
		link := i.Web[0] + "?code=" + i.Code
		n := qrModules(link)
		big := h-4 >= n+1 && w >= 2*n+2
		if qr := qrLines(link, st.IsDark, big); len(qr) > 0 && len(qr)+1 <= h {
			lines = append(lines, qr...)
		}
		add("code "+code+" · "+i.Web[0], st.Heading)
		if len(i.Web) > 1 {
			add("also: "+strings.Join(i.Web[1:], " · "), st.Item)
		}
	} else {
		add("Join the room · code "+code, st.Heading)
	}
	hosts := i.Hosts
	if len(hosts) == 0 {
		hosts = []string{"localhost"}
	}
	for k, h := range hosts {
		lead := "in a terminal: "
		if k > 0 {
			lead = "or: "
		}
		add(lead+i.CommandFor(h), st.Item)
	}
	if i.Fingerprint != "" {
		add("server key "+i.Fingerprint, st.Dim)
	}
	add("Votes are anonymous: the room sees only the counts. j or esc closes this.", st.Dim)
	return center(lines[:min(len(lines), h)], w, h)
}
