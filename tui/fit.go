package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// fit makes a frame exactly fit the terminal: lines cut at the right edge,
// no more lines than the height. Layout code aims to fit on its own; this is
// the guarantee that a tiny terminal never sees a broken frame.
func fit(s string, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		// a line of no more bytes than cells cannot be too wide
		if len(l) > width && ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return strings.Join(lines, "\n")
}

// truncate shortens plain or styled text to width cells, with an ellipsis.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	if width == 1 {
		return "…"
	}
	out := ansi.Truncate(s, width, "…")
	// "run …" reads as a word left out: the ellipsis goes against the word
	if cut, ok := strings.CutSuffix(out, " …"); ok {
		out = strings.TrimRight(cut, " ") + "…"
	}
	return out
}

// spreadOptional is spread for a line whose right side is an extra: when
// both do not fit with two cells between them (one reads as a single run:
// "invisible organizer organizing"), the right side is dropped.
func spreadOptional(left, right string, width int) string {
	if right != "" && ansi.StringWidth(left)+ansi.StringWidth(right)+2 > width {
		right = ""
	}
	return spread(left, right, width)
}

// spread puts left and right on one line of the given width, the left side
// shortened first when they do not fit.
func spread(left, right string, width int) string {
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	if rw >= width {
		return truncate(right, width)
	}
	gap := 1 // between the two sides; none is needed without a right side
	if right == "" {
		gap = 0
	}
	if lw+rw+gap > width {
		left = truncate(left, width-rw-gap)
		lw = ansi.StringWidth(left)
	}
	return left + strings.Repeat(" ", max(gap, width-lw-rw)) + right
}

// wrapText wraps plain text to a width, keeping its own line breaks.
func wrapText(s string, width int) string {
	return lipgloss.NewStyle().Width(max(1, width)).Render(s)
}

// The smallest terminal the screens are laid out for. Below it the guide
// says so and waits: keys (but ctrl+c) are ignored, so nothing happens
// that cannot be seen.
const (
	minWidth  = 20
	minHeight = 5
)

func (m Model) tooSmall() bool {
	return m.c.width < minWidth || m.c.height < minHeight
}

// tooSmallView asks for a larger terminal, in as much of the message as
// fits.
func tooSmallView(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	msg := fmt.Sprintf("Terminal too small (%dx%d): make it at least %dx%d. ctrl+c quits.", w, h, minWidth, minHeight)
	lines := strings.Split(wrapText(msg, w), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = truncate(strings.TrimRight(l, " "), w)
	}
	return strings.Join(lines, "\n")
}
