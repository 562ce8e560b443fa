//! The whole app: every route group. The boot script (`scripts/boot.js`) loads it for any page but
//! the home page, or when the user leaves the home page (see `ui::frame::part!` for its interface).

cs_interview_coach::part!(cs_interview_coach::ui::App);
