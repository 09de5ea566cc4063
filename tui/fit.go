package tui

import (
	"charm.land/lipgloss/v2"
	"strings"

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
	return ansi.Truncate(s, width, "…")
}

// spreadOptional is spread for a line whose right side is an extra: when
// both do not fit, the right side is dropped.
func spreadOptional(left, right string, width int) string {
	if ansi.StringWidth(left)+ansi.StringWidth(right)+1 > width {
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
	if lw+rw+1 > width {
		left = truncate(left, width-rw-1)
		lw = ansi.StringWidth(left)
	}
	return left + strings.Repeat(" ", max(1, width-lw-rw)) + right
}

// wrapText wraps plain text to a width, keeping its own line breaks.
func wrapText(s string, width int) string {
	return lipgloss.NewStyle().Width(max(1, width)).Render(s)
}
