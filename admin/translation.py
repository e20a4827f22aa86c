"""The panel's own words in Bahasa Indonesia — piccolo-admin ships 17 languages, not Indonesian (Q-U3).

Keys are piccolo-admin's English phrases; tests/admin check that every phrase of its English
translation has an Indonesian one here, so an upgrade that adds a phrase fails loudly.
"""

from __future__ import annotations

from piccolo_admin.translations.data import ENGLISH
from piccolo_admin.translations.models import Translation

INDONESIAN = Translation(
    language_code="id",
    language_name="Bahasa Indonesia",
    translations={
        "About": "Tentang",
        "Add Row": "Tambah Baris",
        "Add": "Tambah",
        "Apply": "Terapkan",
        "Ascending": "Naik",
        "Back to home page": "Kembali ke beranda",
        "Back": "Kembali",
        "Change Password": "Ubah Kata Sandi",
        "Clear filters": "Hapus filter",
        "Close": "Tutup",
        "Comma": "Koma",
        "Create": "Buat",
        "Current password": "Kata sandi saat ini",
        "Dark Mode": "Mode Gelap",
        "Days": "Hari",
        "Delete": "Hapus",
        "Delimiter": "Pemisah",
        "Descending": "Turun",
        "Download": "Unduh",
        "Download failed": "Unduhan gagal",
        "Download successful": "Unduhan berhasil",
        "Edit": "Ubah",
        "Export CSV": "Ekspor CSV",
        "Filter": "Filter",
        "For timestamps which are timezone aware, they will be displayed in this timezone by default.": (
            "Waktu yang menyertakan zona waktu ditampilkan dalam zona waktu ini."
        ),
        "Form submitted": "Formulir terkirim",
        "Forms": "Formulir",
        "Hide Filters": "Sembunyikan Filter",
        "Hide referencing tables": "Sembunyikan tabel yang merujuk",
        "Home": "Beranda",
        "Hours": "Jam",
        "Light Mode": "Mode Terang",
        "Links": "Tautan",
        "Loading": "Memuat",
        "Log Out": "Keluar",
        "Login": "Masuk",
        "MFA Code": "Kode MFA",
        "MFA Setup": "Pengaturan MFA",
        "Minutes": "Menit",
        "New password confirmation": "Konfirmasi kata sandi baru",
        "New password": "Kata sandi baru",
        "New value": "Nilai baru",
        "No results found": "Tidak ada hasil",
        "Note: Large data sets may take a while.": "Catatan: data yang besar memerlukan waktu lebih lama.",
        "Note: They are converted to UTC when stored in the database.": (
            "Catatan: waktu diubah ke UTC saat disimpan di basis data."
        ),
        "of": "dari",
        "page": "halaman",
        "Password": "Kata sandi",
        "result(s)": "hasil",
        "rows": "baris",
        "Save": "Simpan",
        "Seconds": "Detik",
        "Select a column to update": "Pilih kolom yang akan diubah",
        "Select a Column": "Pilih Kolom",
        "Select a table in the sidebar to get started.": "Pilih tabel di bilah samping untuk memulai.",
        "selected result(s) on": "hasil terpilih di",
        "Semicolon": "Titik koma",
        "Set Timezone": "Atur Zona Waktu",
        "Show Filters": "Tampilkan Filter",
        "Show referencing tables": "Tampilkan tabel yang merujuk",
        "Showing": "Menampilkan",
        "Sort by": "Urutkan menurut",
        "Sort": "Urutkan",
        "Submit": "Kirim",
        "Tables": "Tabel",
        "Timezone": "Zona waktu",
        "Thanks for using Piccolo Admin.": "Terima kasih telah menggunakan panel admin Perisai.",
        "Update": "Perbarui",
        "Use again": "Gunakan lagi",
        "Username": "E-mail",
        "Version": "Versi",
        "Weeks": "Minggu",
        "Welcome to": "Selamat datang di",
        "with a matching": "dengan yang cocok",
    },
)

# English stays selectable; the sign-in name is the e-mail address in both.
ENGLISH_FOR_STAFF = Translation(
    language_code=ENGLISH.language_code,
    language_name=ENGLISH.language_name,
    translations={**ENGLISH.translations, "Username": "E-mail"},
)

TRANSLATIONS = [INDONESIAN, ENGLISH_FOR_STAFF]
