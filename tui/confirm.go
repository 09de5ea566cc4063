package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// quitAction ends the program (after a confirmation).
type quitAction struct{}

// confirmOverlay asks a yes/no question before something that cannot be
// undone; y does it, n or esc (or anything else on the list) does not.
type confirmOverlay struct {
	c        *common
	title    string
	question string
	yes      action
	s        scroller
	w, h     int
}

func newConfirmOverlay(c *common, title, question string, yes action) *confirmOverlay {
	o := &confirmOverlay{c: c, title: title, question: question, yes: yes}
	o.layout(c.width, c.height)
	return o
}

func (o *confirmOverlay) layout(w, h int) {
	o.w, o.h = boxSize(w, h, min(o.c.popupWidth(), 50))
	o.s.lines = strings.Split(wrapText(o.question, contentWidth(o.w)), "\n")
	o.s.height = max(1, min(len(o.s.lines), o.h-4))
	o.h = min(o.h, o.s.height+4)
}

func (o *confirmOverlay) update(msg tea.Msg) (tea.Cmd, action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	switch {
	case key.Matches(kp, o.c.keys.Confirm.Yes):
		return nil, o.yes
	case key.Matches(kp, o.c.keys.Confirm.No):
		return nil, closeAction{}
	}
	return nil, nil
}

func (o *confirmOverlay) view() string {
	return box(o.c.styles, o.c.styles.PopupTitle.Render(o.title), "y yes · n no", o.s.visible(), o.w, o.h)
}
