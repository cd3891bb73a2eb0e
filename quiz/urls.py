app_name = "quiz"
urlpatterns = []
