fn main() {
    leptos::mount::mount_to_body(cs_interview_coach::ui::App);
}
