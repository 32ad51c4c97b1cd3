//! Drawing `&App` into a ratatui frame. (Skeleton.)
