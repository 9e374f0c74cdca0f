/* interviews offline: filled below */
