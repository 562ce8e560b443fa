//! The first load: the frame, the router and the home page (`ui::Landing`). The boot script
//! (`scripts/boot.js`) starts it, and stops it when the rest of the app takes over (see
//! `ui::frame::part!` for its interface).

cs_interview_coach::part!(cs_interview_coach::ui::Landing);
